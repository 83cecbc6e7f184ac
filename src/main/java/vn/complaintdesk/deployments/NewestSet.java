package vn.complaintdesk.deployments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;

import vn.complaintdesk.workflow.ProcessNames;

/**
 * The set new complaints start on: the files of the deployment that holds the newest version of the
 * complaint process. Empty before the first deployment.
 */
public final class NewestSet {

    private NewestSet() {
    }

    /** Inside the engine's own command (a deployment being made). */
    static Map<String, byte[]> in(CommandContext context) {
        return context.runWithoutAuthorization(() -> {
            ProcessDefinitionEntity latest = context.getProcessDefinitionManager()
                    .findLatestProcessDefinitionByKey(ProcessNames.COMPLAINT_PROCESS);
            Map<String, byte[]> files = new LinkedHashMap<>();
            if (latest != null) {
                for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(latest.getDeploymentId())) {
                    if (ModelFiles.isModel(resource.getName())) {
                        files.put(resource.getName(), resource.getBytes());
                    }
                }
            }
            return files;
        });
    }

    /** The newest deployment's id, or null before the first. */
    public static String deploymentId(RepositoryService repository) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessNames.COMPLAINT_PROCESS).latestVersion().singleResult();
        return latest == null ? null : latest.getDeploymentId();
    }

    /** The files of the newest set, by resource name. */
    public static Map<String, byte[]> of(RepositoryService repository) {
        String deploymentId = deploymentId(repository);
        return deploymentId == null ? Map.of() : files(repository, deploymentId);
    }

    /** The BPMN and DMN files of one deployment, by resource name. */
    public static Map<String, byte[]> files(RepositoryService repository, String deploymentId) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Resource resource : repository.getDeploymentResources(deploymentId)) {
            if (ModelFiles.isModel(resource.getName())) {
                try (InputStream in = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
                    files.put(resource.getName(), in.readAllBytes());
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }
        }
        return files;
    }
}
