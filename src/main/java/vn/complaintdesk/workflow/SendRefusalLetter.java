package vn.complaintdesk.workflow;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;

/** The written refusal of a time-barred complaint, with the limitation that applies. */
@Component("sendRefusalLetter")
public class SendRefusalLetter implements JavaDelegate {

    private final ProcessComplaints processComplaints;
    private final Outbox outbox;
    private final Letters letters;

    public SendRefusalLetter(ProcessComplaints processComplaints, Outbox outbox, Letters letters) {
        this.letters = letters;
        this.processComplaints = processComplaints;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = processComplaints.of(execution);
        Map<String, Object> details = TemplateValues.of(
                "limitationDays", execution.getVariable(ProcessNames.Variable.LIMITATION_DAYS),
                "daysSinceIncident", execution.getVariable(ProcessNames.Variable.DAYS_SINCE_INCIDENT),
                "incidentDate", complaint.incidentDate());
        Letters.Letter letter = letters.issue(complaint, Letters.Kind.REFUSAL, null, details);
        outbox.toCustomer(complaint, NotificationType.REFUSAL, null, details, letter);
    }
}
