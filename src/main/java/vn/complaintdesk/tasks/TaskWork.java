package vn.complaintdesk.tasks;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.ForbiddenException;
import vn.complaintdesk.web.InvalidFieldsException;
import vn.complaintdesk.web.NotFoundException;

/**
 * Staff work on user tasks: list what a user may work, claim, unclaim and complete. Decisions
 * between 403, 404 and 409 use the task looked up without authorization filtering.
 */
@Service
public class TaskWork {

    public record Filter(String reference, String taskKey) {
    }

    private final TaskService taskService;
    private final org.camunda.bpm.engine.RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final ComplaintRepository complaints;
    private final TaskRulesRegistry rules;
    private final MessageSource messages;
    private final ZoneId zone;

    public TaskWork(TaskService taskService, org.camunda.bpm.engine.RuntimeService runtimeService,
            HistoryService historyService, IdentityService identityService,
            ComplaintRepository complaints, TaskRulesRegistry rules, MessageSource messages,
            vn.complaintdesk.workflow.WorkingDayCalendar calendar) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.complaints = complaints;
        this.rules = rules;
        this.messages = messages;
        this.zone = calendar.zone();
    }

    public List<TaskView> openTasksFor(String userId, Set<String> groups, Filter filter) {
        TaskQuery query = taskService.createTaskQuery().active().initializeFormKeys()
                .or().taskAssignee(userId).taskCandidateGroupIn(new ArrayList<>(groups.isEmpty() ? Set.of("-") : groups))
                .endOr();
        if (filter.reference() != null && !filter.reference().isBlank()) {
            query.processInstanceBusinessKey(filter.reference().strip());
        }
        if (filter.taskKey() != null && !filter.taskKey().isBlank()) {
            query.taskDefinitionKey(filter.taskKey().strip());
        }
        List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc().list().stream()
                // Candidate tasks already claimed by someone else are not the caller's to work.
                .filter(t -> t.getAssignee() == null || t.getAssignee().equals(userId))
                .toList();
        Map<String, String> businessKeys = businessKeys(tasks);
        Map<String, Complaint> byReference = complaints.findByReferences(new java.util.HashSet<>(businessKeys.values()));
        return tasks.stream()
                .map(t -> view(t, byReference.get(businessKeys.get(t.getProcessInstanceId()))))
                .toList();
    }

    private Map<String, String> businessKeys(List<Task> tasks) {
        Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()
                .forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
        return keys;
    }

    public Task require(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            boolean existed = historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
            if (existed) {
                throw new ConflictException(text("task.alreadyCompleted"));
            }
            throw new NotFoundException(text("task.notFound"));
        }
        return task;
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
        String businessKey = task.getProcessInstanceId() == null ? null : businessKeyOf(task);
        return businessKey == null ? null : complaints.findByReference(businessKey).orElse(null);
    }

    private String businessKeyOf(Task task) {
        var instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** May the user work this task: assignee, or a member of one of its candidate groups. */
    public boolean mayWork(Task task, String userId, Set<String> groups) {
        if (userId.equals(task.getAssignee())) {
            return true;
        }
        return candidateGroups(task.getId()).stream().anyMatch(groups::contains);
    }

    public List<String> candidateGroups(String taskId) {
        return vn.complaintdesk.workflow.CandidateGroups.of(taskService.getIdentityLinksForTask(taskId));
    }

    @Transactional
    public void claim(String taskId, String userId, Set<String> groups) {
        Task task = require(taskId);
        checkMayWork(task, userId, groups);
        if (task.getAssignee() != null) {
            if (task.getAssignee().equals(userId)) {
                return;
            }
            throw new ConflictException(text("task.heldByOther", task.getAssignee()));
        }
        try {
            taskService.claim(taskId, userId);
        } catch (org.camunda.bpm.engine.TaskAlreadyClaimedException e) {
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
        taskService.setAssignee(taskId, null);
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
        Map<String, Object> fields = rules.ownFields(task.getTaskDefinitionKey(), submitted);
        List<FieldProblem> problems = rules.check(task.getTaskDefinitionKey(), fields, locale);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        try {
            if (task.getAssignee() == null) {
                taskService.claim(taskId, userId);
            }
            identityService.setAuthentication(userId, new ArrayList<>(groups));
            taskService.setVariablesLocal(taskId, serializable(fields));
            taskService.complete(taskId);
        } catch (org.camunda.bpm.engine.TaskAlreadyClaimedException e) {
            throw new ConflictException(text("task.heldByOther", e.getTaskAssignee()));
        } catch (OptimisticLockingException e) {
            throw new ConflictException(text("task.alreadyCompleted"));
        } catch (NullValueException e) {
            throw new ConflictException(text("task.alreadyCompleted"));
        } finally {
            identityService.clearAuthentication();
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
        return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private java.time.OffsetDateTime toOffset(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }
}
