package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

import vn.complaintdesk.workflow.ProcessNames;

/**
 * Last of the deployers before the engine's own: records a deployment of the desk's set that passed the checks
 * (who, through which door, which files changed against the set in use), in the deployment's transaction.
 */
final class RecordDeployment implements Deployer {

    private final ProcessChanges changes;

    RecordDeployment(ProcessChanges changes) {
        this.changes = changes;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        Map<String, byte[]> files = ModelFiles.byFileName(CompleteSet.contentOf(deployment));
        Map<String, byte[]> inUse = ModelFiles.byFileName(NewestSet.in(context));
        boolean deskSet = files.entrySet().stream()
                .anyMatch(file -> ModelFiles.definitionKeys(file.getKey(), file.getValue()).contains(ProcessNames.COMPLAINT_PROCESS));
        if (!deskSet) {
            return;
        }
        List<String> changed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        files.forEach((name, content) -> (Arrays.equals(content, inUse.get(name)) ? kept : changed).add(name));
        String summary = "changed: " + (changed.isEmpty() ? "-" : String.join(", ", changed))
                + "; unchanged: " + (kept.isEmpty() ? "-" : String.join(", ", kept));
        String door = deployment.getSource() == null ? deployment.getName() : deployment.getSource();
        changes.deployment(context.getAuthenticatedUserId(), door, deployment.getId(), summary);
    }
}
