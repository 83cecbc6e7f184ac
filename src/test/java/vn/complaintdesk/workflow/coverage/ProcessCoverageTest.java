package vn.complaintdesk.workflow.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.complaintdesk.support.DeskTest;

/**
 * Runs after every other test class of the fast suite and checks that together they passed every
 * flow node and took every sequence flow of each diagram in processes/. Prints the figures.
 * (Run alone, it fails: it measures the suite, not itself.)
 */
@DeskTest
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {

    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;

    @ParameterizedTest
    @ValueSource(strings = {"complaint-handling", "external-escalation"})
    void everyFlowNodeAndSequenceFlowIsPassedBySomeTest(String processKey) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> flows = model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId)
                .collect(Collectors.toCollection(TreeSet::new));

        // Over every version of the key: a test may have deployed a changed copy (ProcessVersioningTest).
        Set<String> passedNodes = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .list().stream()
                .flatMap(version -> historyService.createHistoricActivityInstanceQuery()
                        .processDefinitionId(version.getId()).list().stream())
                .map(HistoricActivityInstance::getActivityId).map(id -> id.replace("#multiInstanceBody", ""))
                .collect(Collectors.toSet());
        Set<String> takenFlows = FlowCoverageRecorder.TAKEN.stream()
                .filter(f -> f.startsWith(processKey + ":")).map(f -> f.substring(processKey.length() + 1))
                .collect(Collectors.toSet());

        Set<String> missedNodes = new TreeSet<>(nodes);
        missedNodes.removeAll(passedNodes);
        Set<String> missedFlows = new TreeSet<>(flows);
        missedFlows.removeAll(takenFlows);
        double nodeShare = 100.0 * (nodes.size() - missedNodes.size()) / nodes.size();
        double flowShare = 100.0 * (flows.size() - missedFlows.size()) / flows.size();
        System.out.printf("Process coverage %s: flow nodes %.1f %% (%d/%d), sequence flows %.1f %% (%d/%d)%n",
                processKey, nodeShare, nodes.size() - missedNodes.size(), nodes.size(), flowShare,
                flows.size() - missedFlows.size(), flows.size());

        assertThat(missedNodes).as("flow nodes no test passed").isEmpty();
        assertThat(missedFlows).as("sequence flows no test took").isEmpty();
    }

}
