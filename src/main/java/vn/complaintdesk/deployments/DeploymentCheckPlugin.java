package vn.complaintdesk.deployments;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Puts the one rule for every deployment in front of the engine's BPMN and DMN deployers, in this order:
 * complete the set ({@link CompleteSet}), check it ({@link DeploymentCheck}), record it ({@link RecordDeployment}).
 */
@Component
public class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {

    private final DeploymentCheck check;
    private final RecordDeployment record;

    public DeploymentCheckPlugin(DeskDelegates delegates, DeskVocabulary vocabulary, MessageSource messages,
            @Lazy ProcessChanges changes) {
        this.check = new DeploymentCheck(delegates, vocabulary, messages);
        this.record = new RecordDeployment(changes);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        List<Deployer> deployers = configuration.getCustomPreDeployers();
        deployers.add(0, new CompleteSet());
        deployers.add(check);
        deployers.add(record);
    }

    /** The check itself, for validating a set without deploying it. */
    DeploymentCheck check() {
        return check;
    }
}
