package vn.complaintdesk.tasks;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.ForbiddenException;
import vn.complaintdesk.web.InvalidFieldsException;
import vn.complaintdesk.web.NotFoundException;
import vn.complaintdesk.workflow.ComplaintProcess;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/**
 * Staff work on user tasks: list what a user may work, claim, unclaim and complete. Decisions
 * between 403, 404 and 409 use the task looked up without authorization filtering.
 */
@Service
public class TaskWork {

    public record Filter(String reference, String taskKey) {
    }

    private final ComplaintProcess process;
    private final ComplaintRepository complaints;
    private final TaskRulesRegistry rules;
    private final MessageSource messages;
    private final ZoneId zone;

    public TaskWork(ComplaintProcess process, ComplaintRepository complaints, TaskRulesRegistry rules,
            MessageSource messages, WorkingDayCalendar calendar) {
        this.process = process;
        this.complaints = complaints;
        this.rules = rules;
        this.messages = messages;
        this.zone = calendar.zone();
    }

    public List<TaskView> openTasksFor(String userId, Set<String> groups, Filter filter) {
        List<Task> tasks = process.openTasksFor(userId, groups, blankToNull(filter.reference()),
                        blankToNull(filter.taskKey())).stream()
                // Candidate tasks already claimed by someone else are not the caller's to work.
                .filter(t -> t.getAssignee() == null || t.getAssignee().equals(userId))
                .toList();
        Map<String, String> references = process.references(tasks.stream().map(Task::getProcessInstanceId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, Complaint> byReference = complaints.findByReferences(new HashSet<>(references.values()));
        return tasks.stream()
                .map(t -> view(t, byReference.get(references.get(t.getProcessInstanceId()))))
                .toList();
    }

    public Task require(String taskId) {
        return process.task(taskId).orElseThrow(() -> process.taskExisted(taskId)
                ? new ConflictException(text("task.alreadyCompleted"))
                : new NotFoundException(text("task.notFound")));
    }

    public TaskView view(Task task) {
        return view(task, complaintOf(task));
    }

    TaskView view(Task task, Complaint complaint) {
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                complaint == null ? null : complaint.reference(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant().atZone(zone).toOffsetDateTime(),
                toOffset(task.getDueDate()), task.getAssignee(), task.getPriority(),
                complaint == null ? null : complaint.customer().name(),
                complaint == null ? null : complaint.category().name(),
                complaint == null ? null : complaint.channel().name());
    }

    public Complaint complaintOf(Task task) {
        return process.referenceOf(task).flatMap(complaints::findByReference).orElse(null);
    }

    /** Why the user may not complete the task (e.g. approving their own proposal), as a message; empty if they may. */
    public Optional<String> refusal(Task task, Complaint complaint, String userId) {
        if (complaint == null) {
            return Optional.empty();
        }
        return rules.forTask(task.getTaskDefinitionKey()).flatMap(r -> r.refusal(complaint, userId)).map(this::text);
    }

    /** May the user work this task: assignee, or a member of one of its candidate groups. */
    public boolean mayWork(Task task, String userId, Set<String> groups) {
        if (userId.equals(task.getAssignee())) {
            return true;
        }
        return candidateGroups(task.getId()).stream().anyMatch(groups::contains);
    }

    public List<String> candidateGroups(String taskId) {
        return process.candidateGroups(taskId);
    }

    @Transactional
    public void claim(String taskId, String userId, Set<String> groups) {
        Task task = require(taskId);
        checkMayWork(task, userId, groups);
        Optional<String> refusal = refusal(task, complaintOf(task), userId);
        if (refusal.isPresent()) {
            throw new ForbiddenException(refusal.get());
        }
        if (task.getAssignee() != null) {
            if (task.getAssignee().equals(userId)) {
                return;
            }
            throw new ConflictException(text("task.heldByOther", task.getAssignee()));
        }
        try {
            process.claim(taskId, userId);
        } catch (TaskAlreadyClaimedException e) {
            throw new ConflictException(text("task.heldByOther", e.getTaskAssignee()));
        }
    }

    @Transactional
    public void unclaim(String taskId, String userId, Set<String> groups) {
        Task task = require(taskId);
        checkMayWork(task, userId, groups);
        if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
            throw new ConflictException(text("task.heldByOther", task.getAssignee()));
        }
        process.release(taskId);
    }

    /** Validates the task's fields, claims an unclaimed candidate task, and completes it. */
    @Transactional
    public void complete(String taskId, String userId, Set<String> groups, Map<String, Object> submitted,
            Locale locale) {
        Task task = require(taskId);
        checkMayWork(task, userId, groups);
        if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
            throw new ConflictException(text("task.heldByOther", task.getAssignee()));
        }
        List<FieldProblem> unknown = rules.unknownFields(task.getTaskDefinitionKey(), submitted, locale);
        if (!unknown.isEmpty()) {
            throw new InvalidFieldsException(unknown);
        }
        Optional<String> refusal = refusal(task, complaintOf(task), userId);
        if (refusal.isPresent()) {
            throw new ForbiddenException(refusal.get());
        }
        Map<String, Object> fields = rules.ownFields(task.getTaskDefinitionKey(), submitted);
        List<FieldProblem> problems = rules.check(task.getTaskDefinitionKey(), fields, locale);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        try {
            if (task.getAssignee() == null) {
                process.claim(taskId, userId);
            }
            process.complete(taskId, userId, groups, serializable(fields));
        } catch (TaskAlreadyClaimedException e) {
            throw new ConflictException(text("task.heldByOther", e.getTaskAssignee()));
        } catch (OptimisticLockingException | NullValueException e) {
            throw new ConflictException(text("task.alreadyCompleted"));
        }
    }

    private void checkMayWork(Task task, String userId, Set<String> groups) {
        if (!mayWork(task, userId, groups)) {
            throw new ForbiddenException(text("task.notYourGroup"));
        }
    }

    private static Map<String, Object> serializable(Map<String, Object> fields) {
        Map<String, Object> values = new HashMap<>();
        fields.forEach((name, value) -> values.put(name, value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : value));
        return values;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private OffsetDateTime toOffset(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }
}
