package vn.complaintdesk.workflow;

import java.util.Map;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;

/**
 * The written reply from the approved proposal: a first reply, a second reply, or a meeting
 * invitation; it meets the reply deadline and starts the wait for the customer's answer.
 */
@Component("sendReplyLetter")
public class SendReplyLetter implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final ComplaintRepository complaints;
    private final HandlingRecords records;
    private final Letters letters;
    private final Outbox outbox;
    private final DeadlineRepository deadlines;
    private final DeadlinePlanner planner;
    private final ComplaintEventLog eventLog;
    private final Clock clock;

    public SendReplyLetter(ProcessComplaints processComplaints, ComplaintRepository complaints, HandlingRecords records,
            Letters letters, Outbox outbox, DeadlineRepository deadlines, DeadlinePlanner planner,
            ComplaintEventLog eventLog, Clock clock) {
        this.processComplaints = processComplaints;
        this.complaints = complaints;
        this.records = records;
        this.letters = letters;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.planner = planner;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        HandlingRecords.Proposal proposal = records.latestProposal(complaint.id())
                .orElseThrow(() -> new IllegalStateException("no proposal for " + complaint.reference()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime answerLimit = planner.workingDaysAfter(now, planner.properties().answerLimitWorkingDays());
        Letters.Kind kind = complaint.round() == 1 ? Letters.Kind.REPLY
                : proposal.meetingAt() != null ? Letters.Kind.MEETING_INVITATION : Letters.Kind.SECOND_REPLY;
        Letters.Letter letter = letters.issue(complaint, kind, String.valueOf(proposal.id()),
                TemplateValues.of("replyText", proposal.replyText(), "remedy", proposal.remedy(),
                        "amount", proposal.amount(), "answerBy", answerLimit, "meetingAt", proposal.meetingAt()));
        outbox.toCustomer(complaint, NotificationType.REPLY, String.valueOf(proposal.id()),
                TemplateValues.of("variant", kind.name(), "answerBy", answerLimit,
                        "meetingAt", proposal.meetingAt()),
                letter);
        deadlines.close(complaint.id(), Deadline.REPLY, now);
        deadlines.close(complaint.id(), Deadline.INTERIM, now);
        complaints.updateStatus(complaint.id(),
                complaint.round() == 1 ? ComplaintStatus.REPLIED : ComplaintStatus.SECOND_ROUND);
        execution.setVariable(ProcessNames.Variable.ANSWER_LIMIT_AT, ApplyTriage.date(answerLimit));
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "REPLY_SENT",
                Map.of("letter", kind, "answerBy", answerLimit.toLocalDate()));
    }
}
