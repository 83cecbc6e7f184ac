package vn.complaintdesk.workflow;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.LogParams;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;

/**
 * Stores the triage result (priority, department) and the complaint's deadlines, and hands the
 * deadlines to the timers as dates.
 */
@Component("applyTriage")
public class ApplyTriage implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final ComplaintRepository complaints;
    private final DeadlineRepository deadlines;
    private final DeadlinePlanner planner;
    private final ComplaintEventLog eventLog;

    public ApplyTriage(ProcessComplaints processComplaints, ComplaintRepository complaints,
            DeadlineRepository deadlines, DeadlinePlanner planner, ComplaintEventLog eventLog) {
        this.processComplaints = processComplaints;
        this.complaints = complaints;
        this.deadlines = deadlines;
        this.planner = planner;
        this.eventLog = eventLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        @SuppressWarnings("unchecked")
        Map<String, Object> triage = (Map<String, Object>) execution.getVariable(ProcessNames.Variable.TRIAGE);
        String priority = String.valueOf(triage.get("priority"));
        String department = String.valueOf(triage.get("department"));
        int acknowledgementHours = ((Number) triage.get("acknowledgementHours")).intValue();
        int interimHours = ((Number) triage.get("interimHours")).intValue();
        complaints.updateTriage(complaint.id(), priority, department);

        DeadlinePlanner.Plan plan = planner.plan(complaint.receivedAt(), acknowledgementHours, interimHours);
        deadlines.set(complaint.id(), Deadline.ACKNOWLEDGEMENT, plan.acknowledgementDueAt());
        deadlines.set(complaint.id(), Deadline.INTERIM, plan.interimDueAt());
        deadlines.set(complaint.id(), Deadline.REPLY, plan.replyDueAt());
        deadlines.set(complaint.id(), Deadline.RESOLUTION, plan.resolutionDueAt());
        execution.setVariable(ProcessNames.Variable.ACKNOWLEDGEMENT_DUE_AT, date(plan.acknowledgementDueAt()));
        execution.setVariable(ProcessNames.Variable.INTERIM_DUE_AT, date(plan.interimDueAt()));
        execution.setVariable(ProcessNames.Variable.REPLY_WARNING_AT, date(plan.replyWarningAt()));
        execution.setVariable(ProcessNames.Variable.REPLY_DUE_AT, date(plan.replyDueAt()));
        execution.setVariable(ProcessNames.Variable.RESOLUTION_WARNING_AT, date(plan.resolutionWarningAt()));
        execution.setVariable(ProcessNames.Variable.RESOLUTION_DUE_AT, date(plan.resolutionDueAt()));
        execution.removeVariable(ProcessNames.Variable.TRIAGE);
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "TRIAGED",
                LogParams.of("priority", priority, "department", department, "replyDueAt", plan.replyDueAt(),
                        "resolutionDueAt", plan.resolutionDueAt()));
    }

    static Date date(OffsetDateTime time) {
        return Date.from(time.toInstant());
    }
}
