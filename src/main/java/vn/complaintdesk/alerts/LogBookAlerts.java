package vn.complaintdesk.alerts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.security.StaffRoles;

/**
 * Turns log-book entries into alerts for the people concerned, in the same transaction: a proposal
 * sent back reaches its author; the customer's answer and a department's findings reach the agent
 * handling the complaint (else whoever works its open tasks); a deadline warning reaches the
 * assignee of the open task, else its candidate groups; a missed deadline reaches the directors and
 * the assignees. Nobody is told of what they did themselves.
 */
@Component
public class LogBookAlerts {

    private static final Set<String> CUSTOMER_ANSWERS = Set.of("INFO_PROVIDED", "REPLY_ACCEPTED", "REPLY_REJECTED",
            "SURVEY_ANSWERED", "CUSTOMER_MESSAGE");

    private final StaffAlerts alerts;
    private final AlertRecipients recipients;
    private final ComplaintRepository complaints;
    private final HandlingRecords records;

    public LogBookAlerts(StaffAlerts alerts, AlertRecipients recipients, ComplaintRepository complaints,
            HandlingRecords records) {
        this.alerts = alerts;
        this.recipients = recipients;
        this.complaints = complaints;
        this.records = records;
    }

    @EventListener
    public void on(ComplaintEventLog.Recorded entry) {
        String type = entry.type();
        if (type.equals("APPROVAL_REJECT") || type.equals("APPROVAL_MORE_INVESTIGATION")) {
            records.latestProposal(entry.complaintId()).ifPresent(proposal -> tell(entry, Set.of(proposal.proposedBy()),
                    AlertKind.SENT_BACK, Map.of("decision", type.substring("APPROVAL_".length()), "by", entry.actor())));
        } else if (CUSTOMER_ANSWERS.contains(type) && ComplaintEventLog.CUSTOMER.equals(entry.actor())) {
            tell(entry, agentElseOpenTasks(entry), AlertKind.CUSTOMER_ANSWERED, Map.of("event", type));
        } else if (type.equals("INVESTIGATED")) {
            tell(entry, agentElseOpenTasks(entry), AlertKind.DEPARTMENT_FINISHED, entry.params());
        } else if (type.equals("DEADLINE_WARNING")) {
            tell(entry, recipients.ofOpenTasks(reference(entry)), AlertKind.DEADLINE_NEAR, entry.params());
        } else if (type.equals("DEADLINE_BREACHED")) {
            Set<String> told = new LinkedHashSet<>(recipients.members(StaffRoles.DIRECTORS));
            complaints.findById(entry.complaintId()).ifPresent(c -> recipients.ofOpenTasks(c.reference()).stream()
                    .filter(user -> !recipients.members(StaffRoles.DIRECTORS).contains(user))
                    .forEach(told::add));
            tell(entry, told, AlertKind.DEADLINE_MISSED, entry.params());
        }
    }

    private Set<String> agentElseOpenTasks(ComplaintEventLog.Recorded entry) {
        return recipients.handlingAgent(entry.complaintId()).map(Set::of)
                .orElseGet(() -> recipients.ofOpenTasks(reference(entry)));
    }

    private String reference(ComplaintEventLog.Recorded entry) {
        return complaints.findById(entry.complaintId()).map(Complaint::reference).orElseThrow();
    }

    private void tell(ComplaintEventLog.Recorded entry, Set<String> users, AlertKind kind, Map<String, String> params) {
        alerts.tell(AlertRecipients.without(users, entry.actor()), entry.complaintId(), kind, new LinkedHashMap<>(params));
    }
}
