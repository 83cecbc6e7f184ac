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
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;

/** Asks the customer the agent's questions and sets the reminder and the withdrawal limit. */
@Component("sendInfoRequest")
public class SendInfoRequest implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final ComplaintRepository complaints;
    private final HandlingRecords records;
    private final Outbox outbox;
    private final DeadlinePlanner planner;
    private final ComplaintEventLog eventLog;
    private final Clock clock;

    public SendInfoRequest(ProcessComplaints processComplaints, ComplaintRepository complaints,
            HandlingRecords records, Outbox outbox, DeadlinePlanner planner, ComplaintEventLog eventLog, Clock clock) {
        this.processComplaints = processComplaints;
        this.complaints = complaints;
        this.records = records;
        this.outbox = outbox;
        this.planner = planner;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        HandlingRecords.InfoRequest request = records.openInfoRequest(complaint.id())
                .orElseThrow(() -> new IllegalStateException("no open information request for " + complaint.reference()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime reminderAt = planner.workingDaysAfter(now, planner.properties().infoReminderWorkingDays());
        OffsetDateTime limitAt = planner.workingDaysAfter(now, planner.properties().infoLimitWorkingDays());
        complaints.updateStatus(complaint.id(), ComplaintStatus.WAITING_FOR_CUSTOMER);
        outbox.toCustomer(complaint, NotificationType.INFO_REQUEST, String.valueOf(request.id()),
                TemplateValues.of("questions", request.questions(), "answerBy", limitAt));
        execution.setVariable(ProcessNames.Variable.INFO_REMINDER_AT, ApplyTriage.date(reminderAt));
        execution.setVariable(ProcessNames.Variable.INFO_LIMIT_AT, ApplyTriage.date(limitAt));
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "INFO_REQUESTED",
                Map.of("reminderOn", reminderAt.toLocalDate(), "limitOn", limitAt.toLocalDate()));
    }
}
