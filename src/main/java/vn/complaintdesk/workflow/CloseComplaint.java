package vn.complaintdesk.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;

/**
 * Lessons recorded: the complaint is closed; the customer's tracking link lives 90 more days. The
 * survey timer after it waits {@code complaints.survey.delay} (default 72 hours; a demo sets minutes).
 */
@Component("closeComplaint")
public class CloseComplaint implements JavaDelegate {

    public static final int TRACKING_DAYS_AFTER_CLOSING = 90;

    private final ProcessComplaints processComplaints;
    private final ComplaintRepository complaints;
    private final ComplaintEventLog eventLog;
    private final Clock clock;
    private final Duration surveyDelay;

    public CloseComplaint(ProcessComplaints processComplaints, ComplaintRepository complaints,
            ComplaintEventLog eventLog, Clock clock, @Value("${complaints.survey.delay:PT72H}") Duration surveyDelay) {
        this.surveyDelay = surveyDelay;
        this.processComplaints = processComplaints;
        this.complaints = complaints;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        OffsetDateTime now = OffsetDateTime.now(clock);
        complaints.markClosed(complaint.id(), now, now.plusDays(TRACKING_DAYS_AFTER_CLOSING));
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "CLOSED");
        execution.setVariable(ProcessNames.Variable.SURVEY_DELAY, surveyDelay.toString());
    }
}
