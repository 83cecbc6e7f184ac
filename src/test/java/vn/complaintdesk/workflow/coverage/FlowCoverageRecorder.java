package vn.complaintdesk.workflow.coverage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

/**
 * Test-only engine plugin: records every sequence flow a test takes (Camunda's history keeps
 * activities but not flows), as "processKey:flowId".
 */
@Component
public class FlowCoverageRecorder extends AbstractProcessEnginePlugin {

    public static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
                ExecutionListener record = execution -> {
                    ProcessDefinition definition = execution.getProcessEngineServices().getRepositoryService()
                            .getProcessDefinition(execution.getProcessDefinitionId());
                    TAKEN.add(definition.getKey() + ":" + transition.getId());
                };
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, record);
            }
        });
    }
}
