package vn.complaintdesk.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;

/** The written refusal of a time-barred complaint, with the limitation that applies. */
@Component("sendRefusalLetter")
public class SendRefusalLetter implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final Outbox outbox;

    public SendRefusalLetter(ProcessComplaints processComplaints, Outbox outbox) {
        this.processComplaints = processComplaints;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        outbox.toCustomer(complaint, NotificationType.REFUSAL, null, complaint.customer().name(),
                execution.getVariable("limitationDays"), complaint.incidentDate().toString());
    }
}
