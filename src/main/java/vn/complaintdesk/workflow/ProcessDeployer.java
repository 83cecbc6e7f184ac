package vn.complaintdesk.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the analysts' folder {@code processes/} as one deployment under stable resource names
 * ({@code processes/<file>}). Unchanged files make no new version; when any file changed, all are
 * deployed again so BPMN and DMN versions stay matched.
 */
@Component
public class ProcessDeployer {

    public static final String DEPLOYMENT_NAME = "complaint-desk-processes";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;
    private final ProcessesDeployedHealth health;

    public ProcessDeployer(RepositoryService repositoryService, ProcessesDeployedHealth health) {
        this.repositoryService = repositoryService;
        this.health = health;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void deployProcesses() throws IOException {
        Map<String, byte[]> files = processesFolder();
        if (files.isEmpty()) {
            log.warn("No BPMN or DMN found under processes/");
            return;
        }
        DeploymentWithDefinitions deployment = deploy(files);
        health.deployed(deployment.getId());
        log.info("Deployed {} files of processes/ (deployment {}, {} new process definitions)", files.size(),
                deployment.getId(),
                deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size());
    }

    /** The BPMN and DMN files packaged from processes/, by file name. */
    public Map<String, byte[]> processesFolder() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                .getResources("classpath*:processes/**/*.*");
        Map<String, byte[]> files = new LinkedHashMap<>();
        Resource[] models = Arrays.stream(resources)
                .filter(Resource::isReadable)
                .filter(r -> isModel(r.getFilename()))
                .sorted(Comparator.comparing(Resource::getFilename))
                .toArray(Resource[]::new);
        for (Resource resource : models) {
            try (InputStream in = resource.getInputStream()) {
                files.put(resource.getFilename(), in.readAllBytes());
            }
        }
        return files;
    }

    /** Deploys the given files as the processes/ deployment; nothing new when none changed. */
    public DeploymentWithDefinitions deploy(Map<String, byte[]> files) {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("processes/")
                .enableDuplicateFiltering(false);
        files.forEach((name, content) -> builder.addInputStream("processes/" + name, new ByteArrayInputStream(content)));
        return builder.deployWithResult();
    }

    private static boolean isModel(String filename) {
        return filename != null && (filename.endsWith(".bpmn") || filename.endsWith(".dmn"));
    }
}
