package vn.complaintdesk.reporting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** The places in a diagram where an instance can wait, in the order the diagram lists them. */
final class WaitActivities {

    /** A waiting place; {@code kind} names its type for the page ({@code waits.kind.<kind>}). */
    record WaitActivity(String id, String name, String kind, boolean multiInstance) {

        /** The id its history carries: a multi-instance activity is measured as a whole, by its body. */
        String historyId() {
            return multiInstance ? id + "#multiInstanceBody" : id;
        }

        boolean container() {
            return "subProcess".equals(kind);
        }
    }

    private WaitActivities() {
    }

    static List<WaitActivity> of(BpmnModelInstance model, String processKey) {
        List<WaitActivity> found = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (processKey.equals(process.getId())) {
                collect(process.getFlowElements(), found);
            }
        }
        return found;
    }

    private static void collect(Collection<FlowElement> elements, List<WaitActivity> found) {
        for (FlowElement element : elements) {
            String kind = kind(element);
            if (kind != null) {
                boolean multiInstance = element instanceof Activity activity && activity.getLoopCharacteristics() != null;
                found.add(new WaitActivity(element.getId(), element.getName(), kind, multiInstance));
            }
            if (element instanceof SubProcess subProcess) {
                collect(subProcess.getFlowElements(), found);
            }
        }
    }

    private static String kind(FlowElement element) {
        if (element instanceof UserTask) {
            return "userTask";
        }
        if (element instanceof ReceiveTask) {
            return "receiveTask";
        }
        if (element instanceof CallActivity) {
            return "callActivity";
        }
        if (element instanceof SubProcess) {
            return "subProcess";
        }
        if (element instanceof IntermediateCatchEvent) {
            return "catchEvent";
        }
        return null;
    }
}
