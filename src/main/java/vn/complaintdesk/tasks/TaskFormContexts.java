package vn.complaintdesk.tasks;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.HandlingRecords;

/** Gathers the {@link TaskFormContext} of a task from our tables. */
@Component
public class TaskFormContexts {

    private final HandlingRecords records;
    private final TaskService taskService;

    public TaskFormContexts(HandlingRecords records, TaskService taskService) {
        this.records = records;
        this.taskService = taskService;
    }

    public TaskFormContext of(Task task, Complaint complaint) {
        if (complaint == null) {
            return new TaskFormContext(1, java.util.List.of(), java.util.List.of(), null, null, null, null, null, null);
        }
        long id = complaint.id();
        Object department = task.getExecutionId() == null ? null
                : taskService.getVariable(task.getId(), "department");
        return new TaskFormContext(complaint.round(), records.infoRequests(id), records.investigations(id),
                records.latestProposal(id).orElse(null), records.latestApproval(id).orElse(null),
                records.latestCustomerAnswer(id).orElse(null), records.escalation(id).orElse(null),
                records.survey(id).orElse(null), department == null ? null : department.toString());
    }
}
