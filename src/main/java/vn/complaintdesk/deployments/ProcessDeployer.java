package vn.complaintdesk.deployments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the analysts' processes folder ({@code complaints.processes.location}: the packaged {@code processes/}
 * by default, a folder outside the jar in production) as one deployment under stable names
 * ({@code processes/<file>}), at start-up and on demand. The folder never puts an older file back over a newer
 * one: a file is taken only when its content was never deployed before; a decision table changed since through
 * Camunda Modeler or the analysts' page stays in use.
 */
@Component
public class ProcessDeployer {

    public static final String DEPLOYMENT_NAME = "complaint-desk-processes";
    /** The door of deployments of the folder (start-up, "deploy the folder"). */
    public static final String FOLDER_DOOR = "processes/";
    /** The door of uploads and roll-backs on the analysts' page. */
    public static final String PAGE_DOOR = "analysts-page";
    private static final String PACKAGED = "classpath:processes/";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    /** What deploying the folder did: the deployment (none when nothing is newer) and which files it took or left. */
    public record FolderOutcome(Optional<DeploymentWithDefinitions> deployment, List<String> taken, List<String> olderLeft) {
    }

    private final RepositoryService repositoryService;
    private final ProcessesDeployedHealth health;
    private final IdentityService identityService;
    private final String location;

    public ProcessDeployer(RepositoryService repositoryService, IdentityService identityService,
            @Value("${complaints.processes.location:" + PACKAGED + "}") String location, ProcessesDeployedHealth health) {
        this.health = health;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.location = location;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void deployProcesses() {
        FolderOutcome outcome = deployFolder(null);
        health.deployed(outcome.deployment().map(Deployment::getId).orElse("the set in use"));
        outcome.deployment().ifPresentOrElse(
                deployment -> log.info("Deployed {} from {} (deployment {}, {} new process definitions)",
                        outcome.taken(), location, deployment.getId(),
                        deployment.getDeployedProcessDefinitions() == null ? 0 : deployment.getDeployedProcessDefinitions().size()),
                () -> log.info("Processes folder {}: nothing newer than the set in use{}", location,
                        outcome.olderLeft().isEmpty() ? "" : " (older content left: " + outcome.olderLeft() + ")"));
    }

    /** Where the folder is, as configured. */
    public String location() {
        return location;
    }

    /** The BPMN and DMN files of the configured folder, by file name. */
    public Map<String, byte[]> processesFolder() {
        return read(location);
    }

    /** Deploys the configured folder: what in it is newer than the set in use (the actor null at start-up). */
    public FolderOutcome deployFolder(String actor) {
        return deployFolder(location, actor);
    }

    /** Deploys the files of a folder whose content was never deployed, completed with the set in use. */
    public FolderOutcome deployFolder(String folder, String actor) {
        Map<String, byte[]> files = read(folder);
        if (files.isEmpty()) {
            log.warn("No BPMN or DMN found in {}", folder);
            return new FolderOutcome(Optional.empty(), List.of(), List.of());
        }
        Map<String, byte[]> inUse = ModelFiles.byFileName(NewestSet.of(repositoryService));
        Map<String, byte[]> candidate = new TreeMap<>(inUse);
        List<String> taken = new ArrayList<>();
        List<String> olderLeft = new ArrayList<>();
        files.forEach((name, content) -> {
            if (Arrays.equals(content, inUse.get(name))) {
                return;
            }
            if (inUse.isEmpty() || !everDeployed(name, content)) {
                candidate.put(name, content);
                taken.add(name);
            } else {
                olderLeft.add(name);
            }
        });
        if (taken.isEmpty()) {
            return new FolderOutcome(Optional.empty(), taken, olderLeft);
        }
        return new FolderOutcome(deploy(candidate, FOLDER_DOOR, actor), taken, olderLeft);
    }

    /** Deploys the given files as the desk's set (completed with the set in use); nothing when none changed. */
    public Optional<DeploymentWithDefinitions> deploy(Map<String, byte[]> files) {
        return deploy(files, FOLDER_DOOR, null);
    }

    /**
     * Deploys the given files through a door, as the actor (whose rights then apply), completed with the set in
     * use; nothing when the result would hold the same content as the set in use.
     */
    public Optional<DeploymentWithDefinitions> deploy(Map<String, byte[]> files, String door, String actor) {
        Map<String, byte[]> inUse = NewestSet.of(repositoryService);
        Map<String, byte[]> complete = new TreeMap<>(ModelFiles.byFileName(inUse));
        complete.putAll(ModelFiles.byFileName(files));
        if (!inUse.isEmpty() && DeskSet.sameContent(complete, inUse)) {
            return Optional.empty();
        }
        DeploymentBuilder builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(door);
        ModelFiles.byFileName(files).forEach((name, content) ->
                builder.addInputStream("processes/" + name, new ByteArrayInputStream(content)));
        if (actor == null) {
            return Optional.of(builder.deployWithResult());
        }
        List<String> groups = identityService.createGroupQuery().groupMember(actor).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(actor, groups);
        try {
            return Optional.of(builder.deployWithResult());
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Whether this content of the file was deployed before (then it is older than the set in use, not a change). */
    private boolean everDeployed(String fileName, byte[] content) {
        String hash = ModelFiles.sha256(content);
        for (Deployment deployment : repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list()) {
            for (var resource : repositoryService.getDeploymentResources(deployment.getId())) {
                if (ModelFiles.fileName(resource.getName()).equals(fileName)) {
                    try (InputStream in = repositoryService.getResourceAsStreamById(deployment.getId(), resource.getId())) {
                        if (ModelFiles.sha256(in.readAllBytes()).equals(hash)) {
                            return true;
                        }
                    } catch (IOException unreadable) {
                        throw new UncheckedIOException(unreadable);
                    }
                }
            }
        }
        return false;
    }

    /** The BPMN and DMN files of a folder ({@code file:…}, a plain path, or {@code classpath:…}), by file name. */
    public static Map<String, byte[]> read(String folder) {
        String base = folder.endsWith("/") ? folder : folder + "/";
        if (base.startsWith("classpath:")) {
            base = "classpath*:" + base.substring("classpath:".length());
        } else if (!base.startsWith("classpath*:") && !base.contains(":/") && !base.startsWith("file:")) {
            base = "file:" + base;
        }
        try {
            Resource[] found = new PathMatchingResourcePatternResolver(
                    ProcessDeployer.class.getClassLoader()).getResources(base + "**/*.*");
            Map<String, byte[]> files = new TreeMap<>();
            List<Resource> models = Arrays.stream(found)
                    .filter(Resource::isReadable)
                    .filter(r -> r.getFilename() != null && ModelFiles.isModel(r.getFilename()))
                    .sorted(Comparator.comparing(Resource::getFilename)).toList();
            for (Resource resource : models) {
                try (InputStream in = resource.getInputStream()) {
                    files.put(resource.getFilename(), in.readAllBytes());
                }
            }
            return files;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
