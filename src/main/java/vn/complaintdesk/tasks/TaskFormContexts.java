package vn.complaintdesk.tasks;

import java.util.Optional;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.complaintdesk.channels.InboundMessages;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.workflow.ComplaintProcess;
import vn.complaintdesk.workflow.DepartmentGroups;
import vn.complaintdesk.workflow.ProcessNames;

/** Gathers the {@link TaskFormContext} of a task from our tables. */
@Component
public class TaskFormContexts {

    private final HandlingRecords records;
    private final ComplaintProcess process;
    private final InboundMessages inbound;

    public TaskFormContexts(HandlingRecords records, ComplaintProcess process, InboundMessages inbound) {
        this.records = records;
        this.process = process;
        this.inbound = inbound;
    }

    /** The customer's message an agent classifies in ClassifyCustomerReply. */
    public Optional<InboundMessages.Inbound> customerReply(Task task) {
        if (task.getExecutionId() == null) {
            return Optional.empty();
        }
        Object id = process.taskVariable(task.getId(), ProcessNames.Variable.REPLY_TO_CLASSIFY);
        return id instanceof Number number ? inbound.find(number.longValue()) : Optional.empty();
    }

    public TaskFormContext of(Task task, Complaint complaint) {
        if (complaint == null) {
            return new TaskFormContext(1, java.util.List.of(), java.util.List.of(), null, null, null, null, null, null);
        }
        long id = complaint.id();
        String department = task.getExecutionId() == null ? null : departmentOf(task);
        return new TaskFormContext(complaint.round(), records.infoRequests(id), records.investigations(id),
                records.latestProposal(id).orElse(null), records.latestApproval(id).orElse(null),
                records.latestCustomerAnswer(id).orElse(null), records.escalation(id).orElse(null),
                records.survey(id).orElse(null), department);
    }

    private String departmentOf(Task task) {
        Object group = process.taskVariable(task.getId(), ProcessNames.Variable.DEPARTMENT_GROUP);
        Object department = group != null ? DepartmentGroups.departmentOf(group.toString())
                : process.taskVariable(task.getId(), ProcessNames.Variable.DEPARTMENT);
        return department == null ? null : department.toString();
    }
}
