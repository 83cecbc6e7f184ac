package vn.complaintdesk.workflow;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;

/** Reminds the customer of the open information request. */
@Component("sendInfoReminder")
public class SendInfoReminder implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final HandlingRecords records;
    private final Outbox outbox;
    private final ComplaintEventLog eventLog;
    private final ZoneId zone;

    public SendInfoReminder(ProcessComplaints processComplaints, HandlingRecords records, Outbox outbox,
            ComplaintEventLog eventLog, WorkingDayCalendar calendar) {
        this.zone = calendar.zone();
        this.processComplaints = processComplaints;
        this.records = records;
        this.outbox = outbox;
        this.eventLog = eventLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        records.openInfoRequest(complaint.id()).ifPresent(request -> {
            Date limit = (Date) execution.getVariable(ProcessNames.Variable.INFO_LIMIT_AT);
            OffsetDateTime answerBy = limit == null ? null
                    : limit.toInstant().atZone(zone).toOffsetDateTime();
            outbox.toCustomer(complaint, NotificationType.REMINDER, String.valueOf(request.id()),
                    TemplateValues.of("questions", request.questions(), "answerBy", answerBy));
            eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "INFO_REMINDER", request.questions());
        });
    }
}
