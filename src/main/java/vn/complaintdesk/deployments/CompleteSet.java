package vn.complaintdesk.deployments;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ResourceTypes;

/**
 * First of the deployers on every new deployment, whatever the door: completes a partial deployment of the
 * desk's set with the newest versions of its other files ({@link DeskSet}), before the checks and the
 * engine's own deployers see it.
 */
final class CompleteSet implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        Map<String, byte[]> missing = DeskSet.missingFrom(contentOf(deployment), NewestSet.in(context));
        missing.forEach((name, content) -> {
            ResourceEntity resource = new ResourceEntity();
            resource.setName(name);
            resource.setBytes(content);
            resource.setDeploymentId(deployment.getId());
            resource.setType(ResourceTypes.REPOSITORY.getValue());
            resource.setCreateTime(ClockUtil.getCurrentTime());
            deployment.addResource(resource);
            // The deployment's own resources were queued for insertion before the deployers ran; ours join them.
            context.getResourceManager().insertResource(resource);
        });
    }

    static Map<String, byte[]> contentOf(DeploymentEntity deployment) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        deployment.getResources().forEach((name, resource) -> files.put(name, resource.getBytes()));
        return files;
    }
}
