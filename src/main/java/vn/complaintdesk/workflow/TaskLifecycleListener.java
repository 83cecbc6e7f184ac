package vn.complaintdesk.workflow;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.tasks.TaskFieldRules;
import vn.complaintdesk.tasks.TaskRulesRegistry;
import vn.complaintdesk.web.FieldProblem;

/**
 * Attached to every user task by {@link TaskLifecyclePlugin}. On create it sets the complaint's
 * status, the task's due date and priority; on complete it enforces the contract's fields, however
 * the task was completed (our pages, our API, Camunda Tasklist, /engine-rest), and applies them.
 */
@Component
public class TaskLifecycleListener implements TaskListener {

    private static final Map<String, ComplaintStatus> STATUS_BY_TASK = Map.of(
            "AnalyzeComplaint", ComplaintStatus.IN_ANALYSIS,
            "InvestigateInDepartment", ComplaintStatus.INVESTIGATING,
            "ProposeResolution", ComplaintStatus.IN_RESOLUTION,
            "ApproveResolution", ComplaintStatus.IN_RESOLUTION,
            "ReviewSecondRound", ComplaintStatus.SECOND_ROUND,
            "HandleExternalEscalation", ComplaintStatus.ESCALATED_EXTERNALLY,
            "RecordEscalationOutcome", ComplaintStatus.ESCALATED_EXTERNALLY,
            "RecordLessonsLearned", ComplaintStatus.CLOSING);

    private static final Map<String, Integer> TASK_PRIORITY = Map.of(
            "LOW", 25, "NORMAL", 50, "HIGH", 75, "URGENT", 100);

    private final ProcessComplaints processComplaints;
    private final ComplaintRepository complaints;
    private final DeadlineRepository deadlines;
    private final ComplaintEventLog eventLog;
    private final TaskRulesRegistry rules;

    public TaskLifecycleListener(ProcessComplaints processComplaints, ComplaintRepository complaints,
            DeadlineRepository deadlines, ComplaintEventLog eventLog, TaskRulesRegistry rules) {
        this.processComplaints = processComplaints;
        this.complaints = complaints;
        this.deadlines = deadlines;
        this.eventLog = eventLog;
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task);
        }
    }

    private void created(DelegateTask task) {
        Complaint complaint = processComplaints.of(task);
        String key = task.getTaskDefinitionKey();
        ComplaintStatus status = STATUS_BY_TASK.get(key);
        if (status == ComplaintStatus.IN_RESOLUTION && complaint.round() == 2) {
            status = ComplaintStatus.SECOND_ROUND;
        }
        if (status != null && status != complaint.status()) {
            complaints.updateStatus(complaint.id(), status);
        }
        if (complaint.priority() != null) {
            task.setPriority(TASK_PRIORITY.getOrDefault(complaint.priority(), 50));
        }
        nextOpenDeadline(complaint).ifPresent(due -> task.setDueDate(Date.from(due.dueAt().toInstant())));
        rules.forTask(key).ifPresent(r -> r.fieldNames().forEach(task.getExecution()::removeVariable));
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "TASK_CREATED", key);
    }

    private java.util.Optional<Deadline> nextOpenDeadline(Complaint complaint) {
        return deadlines.of(complaint.id()).stream()
                .filter(d -> d.met() == null)
                .filter(d -> d.name().equals(Deadline.REPLY) || d.name().equals(Deadline.RESOLUTION))
                .findFirst();
    }

    private void completed(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        TaskFieldRules taskRules = rules.forTask(key).orElse(null);
        if (taskRules == null) {
            return;
        }
        Map<String, Object> fields = new HashMap<>();
        for (String name : taskRules.fieldNames()) {
            Object value = task.getVariable(name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> problems = rules.check(key, fields, locale);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("Task " + key + " cannot be completed: " + problems);
        }
        for (String name : taskRules.fieldNames()) {
            task.removeVariableLocal(name);
            task.getExecution().removeVariable(name);
        }
        Complaint complaint = processComplaints.of(task);
        taskRules.apply(complaint, fields, actorOf(task), task);
    }

    static String actorOf(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : ComplaintEventLog.SYSTEM;
    }
}
