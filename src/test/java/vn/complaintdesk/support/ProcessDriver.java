package vn.complaintdesk.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.portal.CustomerEvents;
import vn.complaintdesk.tasks.TaskWork;

/**
 * Walks complaints through the real application in process tests: intake, jobs run on demand
 * (the job executor is off in the fast suite), tasks completed as the right demo user, timers fired.
 */
@Component
public class ProcessDriver {

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "agent", Set.of("cs-agents"), "tech", Set.of("dept-technical"), "finance", Set.of("dept-finance"),
            "ops", Set.of("dept-operations"), "director", Set.of("cs-directors"), "director2", Set.of("cs-directors"),
            "agent2", Set.of("cs-agents"), "legal", Set.of("legal"));

    private final ProcessEngine engine;
    private final IntakeService intake;
    private final TaskWork tasks;
    private final ComplaintRepository complaints;
    private final CustomerEvents customerEvents;

    public ProcessDriver(ProcessEngine engine, IntakeService intake, TaskWork tasks, ComplaintRepository complaints,
            CustomerEvents customerEvents) {
        this.engine = engine;
        this.intake = intake;
        this.tasks = tasks;
        this.complaints = complaints;
        this.customerEvents = customerEvents;
    }

    public IntakeAnswer submit(Category category) {
        // "Today" of the engine clock, which a test may have moved.
        LocalDate today = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
                .atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
        return submit(Complaints.submission(category, today.minusDays(2)));
    }

    public IntakeAnswer submit(ComplaintSubmission submission) {
        return submitAs(null, submission);
    }

    /** A complaint recorded by a staff member (phone, counter, post), or filed by the customer when null. */
    public IntakeAnswer submitAs(String staffUser, ComplaintSubmission submission) {
        IntakeAnswer answer = intake.submit(submission, staffUser, null);
        runJobs(answer.reference());
        return answer;
    }

    public ProcessInstance instance(String reference) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("complaint-handling").singleResult();
    }

    public Complaint complaint(String reference) {
        return complaints.require(reference);
    }

    /** Runs every async continuation that is due, until none is left (timers stay untouched). */
    public void runJobs(String reference) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 50; round++) {
            List<Job> due = jobs(reference, q -> q.executable().messages());
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs keep coming for " + reference);
    }

    private List<Job> jobs(String reference, java.util.function.UnaryOperator<org.camunda.bpm.engine.runtime.JobQuery> filter) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
                .stream()
                .flatMap(p -> filter.apply(engine.getManagementService().createJobQuery().processInstanceId(p.getId()))
                        .list().stream())
                .toList();
    }

    private List<Job> timers(String reference, String activityId) {
        return jobs(reference, q -> q.timers().activityId(activityId));
    }

    public Task task(String reference, String taskKey) {
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).list();
        if (open.isEmpty()) {
            throw new AssertionError("no open " + taskKey + " for " + reference);
        }
        return open.get(0);
    }

    public void complete(String reference, String taskKey, String user, Map<String, Object> fields) {
        tasksComplete(task(reference, taskKey).getId(), user, fields, reference);
    }

    public void tasksComplete(String taskId, String user, Map<String, Object> fields, String reference) {
        tasks.complete(taskId, user, GROUPS.get(user), fields, Locale.ENGLISH);
        runJobs(reference);
    }

    public void customer(String reference, String message, Map<String, Object> payload) {
        customerEvents.deliver(complaint(reference), message, payload, "customer");
        runJobs(reference);
    }

    public void fireTimer(String reference, String activityId) {
        ManagementService management = engine.getManagementService();
        List<Job> timers = timers(reference, activityId);
        if (timers.isEmpty()) {
            throw new AssertionError("no timer " + activityId + " for " + reference);
        }
        management.executeJob(timers.get(0).getId());
        runJobs(reference);
    }

    /** Fires a timer and then runs only the job of the given activity, as when it wins a race. */
    public void fireTimerThenRun(String reference, String timerId, String activityId) {
        ManagementService management = engine.getManagementService();
        management.executeJob(timers(reference, timerId).get(0).getId());
        jobs(reference, q -> q.activityId(activityId)).forEach(job -> management.executeJob(job.getId()));
    }

    public boolean hasTimer(String reference, String activityId) {
        return !timers(reference, activityId).isEmpty();
    }

    public Job timer(String reference, String activityId) {
        return timers(reference, activityId).get(0);
    }

    /** The shortest way to the reply: first-contact explanation, no approval. */
    public String replied(Category category) {
        String reference = submit(category).reference();
        complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        complete(reference, "ProposeResolution", "agent", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "EXPLANATION", "replyText", "Chúng tôi giải thích điều kiện khuyến mãi."));
        return reference;
    }

    public String closed(Category category) {
        String reference = replied(category);
        customer(reference, "CustomerAnswered", Map.of("accepts", true));
        complete(reference, "RecordLessonsLearned", "agent", Map.of("lesson", "Viết rõ điều kiện", "trainingNeeded", false));
        return reference;
    }
}
