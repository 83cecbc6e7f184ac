package vn.complaintdesk.workflow;

import java.util.Map;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;

/** At 24 h: if no reply letter went out yet, tell the customer where their complaint stands. */
@Component("sendInterimUpdate")
public class SendInterimUpdate implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final DeadlineRepository deadlines;
    private final Outbox outbox;
    private final ComplaintEventLog eventLog;
    private final Clock clock;

    public SendInterimUpdate(ProcessComplaints processComplaints, DeadlineRepository deadlines, Outbox outbox,
            ComplaintEventLog eventLog, Clock clock) {
        this.processComplaints = processComplaints;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        Optional<Deadline> reply = deadlines.find(complaint.id(), Deadline.REPLY);
        boolean replied = reply.map(d -> d.met() != null).orElse(false);
        if (replied) {
            return;
        }
        OffsetDateTime replyDue = reply.map(Deadline::dueAt).orElse(null);
        outbox.toCustomer(complaint, NotificationType.INTERIM_UPDATE, null,
                TemplateValues.of("status", complaint.status().name(), "replyDue", replyDue));
        deadlines.close(complaint.id(), Deadline.INTERIM, OffsetDateTime.now(clock));
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "INTERIM_UPDATE", Map.of("status", complaint.status()));
    }
}
