package vn.complaintdesk.workflow;

import java.util.Map;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;

/** Handling ends: the resolution deadline is met (or recorded as missed) now. */
@Component("recordResolution")
public class RecordResolution implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final DeadlineRepository deadlines;
    private final ComplaintEventLog eventLog;
    private final Clock clock;
    private final vn.complaintdesk.complaint.ComplaintRepository complaints;
    private final WorkingDayCalendar calendar;

    public RecordResolution(ProcessComplaints processComplaints, DeadlineRepository deadlines,
            ComplaintEventLog eventLog, Clock clock, vn.complaintdesk.complaint.ComplaintRepository complaints,
            WorkingDayCalendar calendar) {
        this.complaints = complaints;
        this.calendar = calendar;
        this.processComplaints = processComplaints;
        this.deadlines = deadlines;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        OffsetDateTime now = OffsetDateTime.now(clock);
        deadlines.close(complaint.id(), Deadline.RESOLUTION, now);
        complaints.recordResolutionTime(complaint.id(), calendar.workingDaysBetween(complaint.receivedAt(), now));
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "RESOLVED", Map.of("round", complaint.round()));
    }
}
