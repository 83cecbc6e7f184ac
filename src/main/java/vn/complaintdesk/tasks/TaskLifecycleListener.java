package vn.complaintdesk.tasks;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.security.StaffRoles;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.workflow.ProcessComplaints;

/**
 * Attached to every user task by {@link TaskLifecyclePlugin}. On create it sets the complaint's
 * status, the task's due date and priority; on complete it enforces the task's rules, however the
 * task was completed (our pages, our API, Camunda Tasklist, /engine-rest), and applies them.
 */
@Component
public class TaskLifecycleListener implements TaskListener {

    private static final Map<String, Integer> TASK_PRIORITY = Map.of(
            "LOW", 25, "NORMAL", 50, "HIGH", 75, "URGENT", 100);

    private final ProcessComplaints processComplaints;
    private final ComplaintRepository complaints;
    private final DeadlineRepository deadlines;
    private final ComplaintEventLog eventLog;
    private final TaskRulesRegistry rules;
    private final MessageSource messages;

    public TaskLifecycleListener(ProcessComplaints processComplaints, ComplaintRepository complaints,
            DeadlineRepository deadlines, ComplaintEventLog eventLog, TaskRulesRegistry rules, MessageSource messages) {
        this.processComplaints = processComplaints;
        this.complaints = complaints;
        this.deadlines = deadlines;
        this.eventLog = eventLog;
        this.rules = rules;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            assigned(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task);
        }
    }

    /** Nobody holds a task they may not complete (four eyes), whoever assigns it, through any door. */
    private void assigned(DelegateTask task) {
        if (task.getAssignee() == null) {
            return;
        }
        rules.forTask(task.getTaskDefinitionKey())
                .flatMap(r -> r.refusal(processComplaints.of(task), task.getAssignee()))
                .ifPresent(refusal -> {
                    throw new AuthorizationException(messages.getMessage(refusal, null, LocaleContextHolder.getLocale()));
                });
    }

    private void created(DelegateTask task) {
        Complaint complaint = processComplaints.of(task);
        String key = task.getTaskDefinitionKey();
        Optional<TaskFieldRules> taskRules = rules.forTask(key);
        taskRules.flatMap(r -> r.statusWhileOpen(complaint))
                .filter(status -> status != complaint.status())
                .ifPresent(status -> complaints.updateStatus(complaint.id(), status));
        if (complaint.priority() != null) {
            task.setPriority(TASK_PRIORITY.getOrDefault(complaint.priority(), 50));
        }
        nextOpenDeadline(complaint).ifPresent(due -> task.setDueDate(Date.from(due.dueAt().toInstant())));
        // A field value left in the process (an earlier round, or written by anyone) never prefills this task.
        taskRules.ifPresent(r -> r.fieldNames().forEach(task.getExecution()::removeVariable));
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "TASK_CREATED", Map.of("task", key));
    }

    private Optional<Deadline> nextOpenDeadline(Complaint complaint) {
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
        Complaint complaint = processComplaints.of(task);
        String actor = actorOf(task);
        Locale locale = LocaleContextHolder.getLocale();
        if (!inCandidateGroups(task)) {
            throw new AuthorizationException(messages.getMessage("task.notYourGroup", null, locale));
        }
        Optional<String> refusal = taskRules.refusal(complaint, actor);
        if (refusal.isPresent()) {
            throw new AuthorizationException(messages.getMessage(refusal.get(), null, locale));
        }
        Map<String, Object> fields = new HashMap<>();
        for (String name : taskRules.fieldNames()) {
            Object value = task.getVariable(name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        List<FieldProblem> problems = rules.check(key, fields, locale);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("Task " + key + " cannot be completed: " + problems);
        }
        for (String name : taskRules.fieldNames()) {
            task.removeVariableLocal(name);
            task.getExecution().removeVariable(name);
        }
        taskRules.apply(complaint, fields, actor, task);
    }

    /**
     * A task is completed by a member of its candidate groups (or an administrator), even if someone
     * else was made its assignee; work run by the engine itself (no user) is not a completion by anyone.
     */
    private static boolean inCandidateGroups(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return true;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        Set<String> candidates = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        return candidates.isEmpty() || groups.contains(StaffRoles.ADMIN) || groups.stream().anyMatch(candidates::contains);
    }

    static String actorOf(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : ComplaintEventLog.SYSTEM;
    }
}
