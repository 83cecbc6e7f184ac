package vn.complaintdesk.workflow;

import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;
import vn.complaintdesk.security.StaffRoles;

/**
 * Fired by the SLA timers (inputs {@code deadline} and {@code level}): a warning goes to the group
 * working the complaint now, a breach to the CS directors. A deadline met in time raises nothing.
 */
@Component("raiseDeadlineAlert")
public class RaiseDeadlineAlert implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final DeadlineRepository deadlines;
    private final Outbox outbox;
    private final ComplaintEventLog eventLog;
    private final ComplaintProcess process;

    public RaiseDeadlineAlert(ProcessComplaints processComplaints, DeadlineRepository deadlines, Outbox outbox,
            ComplaintEventLog eventLog, ComplaintProcess process) {
        this.processComplaints = processComplaints;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.eventLog = eventLog;
        this.process = process;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String name = String.valueOf(execution.getVariableLocal(ProcessNames.Variable.ALERT_DEADLINE));
        String level = String.valueOf(execution.getVariableLocal(ProcessNames.Variable.ALERT_LEVEL));
        Complaint complaint = processComplaints.of(execution);
        Optional<Deadline> deadline = deadlines.find(complaint.id(), name);
        if (deadline.isEmpty() || Boolean.TRUE.equals(deadline.get().met())) {
            return;
        }
        boolean breach = "BREACH".equals(level);
        String group = breach ? StaffRoles.DIRECTORS : currentGroup(execution);
        String due = deadline.get().dueAt().toString();
        outbox.toStaff(complaint, NotificationType.ESCALATION_ALERT, name + ":" + level + ":" + due, group,
                java.util.Map.of("deadline", name, "level", level, "dueAt", deadline.get().dueAt()));
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, breach ? "DEADLINE_BREACHED" : "DEADLINE_WARNING",
                Map.of("deadline", name, "dueAt", deadline.get().dueAt(), "group", group));
    }

    private String currentGroup(DelegateExecution execution) {
        for (Task task : process.openTasksOfInstance(execution.getProcessInstanceId())) {
            List<String> groups = process.candidateGroups(task.getId());
            if (!groups.isEmpty()) {
                return groups.get(0);
            }
        }
        return StaffRoles.AGENTS;
    }
}
