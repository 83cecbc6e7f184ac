package vn.complaintdesk.deployments;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts {@link DeploymentCheck} in front of the engine's BPMN and DMN deployers. */
@Component
public class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {

    private final DeskDelegates delegates;
    private final MessageSource messages;

    public DeploymentCheckPlugin(DeskDelegates delegates, MessageSource messages) {
        this.delegates = delegates;
        this.messages = messages;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new DeploymentCheck(delegates, messages));
    }
}
