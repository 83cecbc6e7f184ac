package vn.complaintdesk.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintRepository;

/** Finds the complaint a process execution or task works on: the business key is its reference. */
@Component
public class ProcessComplaints {

    private final ComplaintRepository complaints;

    public ProcessComplaints(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    public Complaint of(DelegateExecution execution) {
        return complaints.require(execution.getProcessBusinessKey());
    }

    public Complaint of(DelegateTask task) {
        return of(task.getExecution());
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
