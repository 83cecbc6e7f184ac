package vn.complaintdesk.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;

/**
 * The one door to the engine for a complaint's process: starting it, delivering messages to it,
 * ending it, and querying its instances, tasks and history. Nothing else in the desk calls the
 * engine's runtime, task or history services for a complaint.
 */
@Component
public class ComplaintProcess {

    /** What the engine recorded of one complaint's process instances (call activities included). */
    public record History(List<HistoricActivityInstance> activities, List<UserOperationLogEntry> operations,
            List<HistoricDetail> variableUpdates, List<HistoricIncident> incidents) {
    }

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final RoutingFacts facts;

    public ComplaintProcess(RuntimeService runtimeService, ManagementService managementService,
            TaskService taskService, HistoryService historyService, IdentityService identityService,
            RoutingFacts facts) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.facts = facts;
    }

    /** Starts the complaint's process with the routing facts of its record. */
    public void start(Complaint complaint) {
        runtimeService.createProcessInstanceByKey(ProcessNames.COMPLAINT_PROCESS)
                .businessKey(complaint.reference())
                .setVariables(facts.atIntake(complaint))
                .execute();
    }

    public boolean isWaitingFor(String reference, String message) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(reference)
                .messageEventSubscriptionName(message).count() > 0;
    }

    /**
     * Delivers a message to the complaint's process. False when nothing waits for it (any more):
     * a race with a timer or another delivery lost.
     */
    public boolean deliver(String reference, String message, Map<String, Object> variables) {
        try {
            runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(reference)
                    .setVariables(variables).correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException raceLost) {
            return false;
        }
    }

    /** Ends the complaint's process (call activities with it) without running its listeners. */
    public void end(String reference, String reason) {
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(reference).processDefinitionKey(ProcessNames.COMPLAINT_PROCESS).list()) {
            runtimeService.deleteProcessInstance(instance.getId(), reason, true, true);
        }
    }

    /** When the timer {@code timerId} of the complaint's process is due, if it is set now. */
    public Optional<Date> timerDue(String reference, String timerId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .flatMap(instance -> managementService.createJobQuery().timers().processInstanceId(instance.getId())
                        .activityId(timerId).list().stream())
                .map(Job::getDuedate).filter(Objects::nonNull).min(Comparator.naturalOrder());
    }

    /** How many processes run on one deployed version of a diagram. */
    public long runningInstances(String processDefinitionId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionId(processDefinitionId).count();
    }

    // Tasks

    public List<Task> openTasks(String reference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference).list();
    }

    public List<Task> openTasksOfInstance(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).list();
    }

    /** Open tasks assigned to the user or offered to one of the groups, oldest due first. */
    public List<Task> openTasksFor(String userId, Collection<String> groups, String reference, String taskKey) {
        TaskQuery query = taskService.createTaskQuery().active().initializeFormKeys()
                .or().taskAssignee(userId).taskCandidateGroupIn(new ArrayList<>(groups.isEmpty() ? Set.of("-") : groups))
                .endOr();
        if (reference != null) {
            query.processInstanceBusinessKey(reference);
        }
        if (taskKey != null) {
            query.taskDefinitionKey(taskKey);
        }
        return query.orderByDueDate().asc().orderByTaskCreateTime().asc().list();
    }

    public Optional<Task> task(String taskId) {
        return Optional.ofNullable(taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
    }

    public boolean taskExisted(String taskId) {
        return historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
    }

    public List<String> candidateGroups(String taskId) {
        return CandidateGroups.of(taskService.getIdentityLinksForTask(taskId));
    }

    public Object taskVariable(String taskId, String name) {
        return taskService.getVariable(taskId, name);
    }

    public void claim(String taskId, String userId) {
        taskService.claim(taskId, userId);
    }

    public void release(String taskId) {
        taskService.setAssignee(taskId, null);
    }

    /** Completes the task as the user, with the task's contract fields as task-local variables. */
    public void complete(String taskId, String userId, Collection<String> groups, Map<String, Object> fields) {
        try {
            identityService.setAuthentication(userId, new ArrayList<>(groups));
            taskService.setVariablesLocal(taskId, fields);
            taskService.complete(taskId);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The business keys (complaint references) of process instances. */
    public Map<String, String> references(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> keys = new HashMap<>();
        runtimeService.createProcessInstanceQuery().processInstanceIds(Set.copyOf(processInstanceIds)).list()
                .forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
        return keys;
    }

    /** The complaint reference of the task's process instance, running or ended. */
    public Optional<String> referenceOf(Task task) {
        if (task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return Optional.ofNullable(instance).map(HistoricProcessInstance::getBusinessKey);
    }

    // History

    public History history(String reference) {
        List<HistoricActivityInstance> activities = new ArrayList<>();
        List<UserOperationLogEntry> operations = new ArrayList<>();
        List<HistoricDetail> variableUpdates = new ArrayList<>();
        List<HistoricIncident> incidents = new ArrayList<>();
        for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).list()) {
            String id = instance.getId();
            activities.addAll(historyService.createHistoricActivityInstanceQuery().processInstanceId(id).list());
            operations.addAll(historyService.createUserOperationLogQuery().processInstanceId(id).list());
            variableUpdates.addAll(historyService.createHistoricDetailQuery().processInstanceId(id)
                    .variableUpdates().disableBinaryFetching().list());
            incidents.addAll(historyService.createHistoricIncidentQuery().processInstanceId(id).list());
        }
        return new History(activities, operations, variableUpdates, incidents);
    }
}
