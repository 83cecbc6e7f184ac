package vn.complaintdesk.workflow;

import java.util.Map;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.complaint.HandlingRecords;

/**
 * The resolution clock pauses while the desk waits for the customer's information: the deadline
 * moves by the working days waited (part days round up), in our table and on the timer jobs.
 */
@Component("resumeResolutionClock")
public class ResumeResolutionClock implements JavaDelegate {

    static final String RESOLUTION_WARNING_TIMER = ProcessNames.Timer.RESOLUTION_WARNING;
    static final String RESOLUTION_BREACH_TIMER = ProcessNames.Timer.RESOLUTION_BREACH;

    private final ProcessComplaints processComplaints;
    private final HandlingRecords records;
    private final DeadlineRepository deadlines;
    private final WorkingDayCalendar calendar;
    private final DeadlinePlanner planner;
    private final ComplaintEventLog eventLog;

    public ResumeResolutionClock(ProcessComplaints processComplaints, HandlingRecords records,
            DeadlineRepository deadlines, WorkingDayCalendar calendar, DeadlinePlanner planner,
            ComplaintEventLog eventLog) {
        this.processComplaints = processComplaints;
        this.records = records;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.planner = planner;
        this.eventLog = eventLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        HandlingRecords.InfoRequest request = records.latestInfoRequest(complaint.id()).orElse(null);
        Deadline resolution = deadlines.find(complaint.id(), Deadline.RESOLUTION).orElse(null);
        if (request == null || request.providedAt() == null || resolution == null || resolution.met() != null) {
            return;
        }
        int waited = calendar.workingDaysBetween(request.requestedAt(), request.providedAt());
        records.resolutionClockPaused(request.id(), waited);
        if (waited == 0) {
            return;
        }
        OffsetDateTime newDue = calendar.addWorkingDays(resolution.dueAt(), waited);
        OffsetDateTime newWarning = planner.warningAt(complaint.receivedAt(), newDue);
        deadlines.set(complaint.id(), Deadline.RESOLUTION, newDue);
        execution.setVariable(ProcessNames.Variable.RESOLUTION_DUE_AT, ApplyTriage.date(newDue));
        execution.setVariable(ProcessNames.Variable.RESOLUTION_WARNING_AT, ApplyTriage.date(newWarning));
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        moveTimer(management, execution.getProcessInstanceId(), RESOLUTION_BREACH_TIMER, ApplyTriage.date(newDue));
        moveTimer(management, execution.getProcessInstanceId(), RESOLUTION_WARNING_TIMER, ApplyTriage.date(newWarning));
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "RESOLUTION_CLOCK_MOVED",
                Map.of("days", waited, "resolutionDueAt", newDue));
    }

    private static void moveTimer(ManagementService management, String processInstanceId, String activityId,
            Date due) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .timers().list()) {
            management.setJobDuedate(job.getId(), due);
        }
    }
}
