package vn.complaintdesk.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;

/** 72 hours after closing: asks the customer to rate the handling (1–5). */
@Component("sendSurveyInvitation")
public class SendSurveyInvitation implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final Outbox outbox;
    private final ComplaintEventLog eventLog;

    public SendSurveyInvitation(ProcessComplaints processComplaints, Outbox outbox, ComplaintEventLog eventLog) {
        this.processComplaints = processComplaints;
        this.outbox = outbox;
        this.eventLog = eventLog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        if (outbox.toCustomer(complaint, NotificationType.SURVEY_INVITATION, null, java.util.Map.of())) {
            eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "SURVEY_INVITED");
        }
    }
}
