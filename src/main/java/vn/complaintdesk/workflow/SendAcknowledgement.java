package vn.complaintdesk.workflow;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.LogParams;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;

/** Tells the customer their complaint was received, with its reference and deadlines. */
@Component("sendAcknowledgement")
public class SendAcknowledgement implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final Outbox outbox;
    private final DeadlineRepository deadlines;
    private final ComplaintEventLog eventLog;
    private final Clock clock;

    public SendAcknowledgement(ProcessComplaints processComplaints, Outbox outbox, DeadlineRepository deadlines,
            ComplaintEventLog eventLog, Clock clock) {
        this.processComplaints = processComplaints;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        OffsetDateTime replyDue = deadlines.find(complaint.id(), Deadline.REPLY).map(Deadline::dueAt).orElse(null);
        if (outbox.toCustomer(complaint, NotificationType.ACKNOWLEDGEMENT, null,
                TemplateValues.of("replyDue", replyDue))) {
            eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "ACKNOWLEDGED",
                    LogParams.of("replyDueAt", replyDue));
        }
        deadlines.close(complaint.id(), Deadline.ACKNOWLEDGEMENT, OffsetDateTime.now(clock));
    }
}
