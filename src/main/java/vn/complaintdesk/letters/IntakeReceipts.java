package vn.complaintdesk.letters;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;

/**
 * The intake receipt (phiếu tiếp nhận) handed to a customer who complained at the counter, by phone
 * or by post: what was recorded, the deadlines and the tracking link, stored with the letters.
 *
 * <p>Issued synchronously in the intake's transaction, right after triage has set the deadlines: the
 * agent prints it while the customer is still at the counter, and a receipt never exists for a
 * complaint that was not stored. A time-barred complaint gets its refusal letter instead (it has no
 * deadlines to promise).
 */
@Component
public class IntakeReceipts {

    /** Channels where the customer has nothing in writing from us unless we hand them a receipt. */
    public static final Set<Channel> CHANNELS = EnumSet.of(Channel.IN_PERSON, Channel.HOTLINE, Channel.POST);

    private final Letters letters;
    private final DeadlineRepository deadlines;

    public IntakeReceipts(Letters letters, DeadlineRepository deadlines) {
        this.letters = letters;
        this.deadlines = deadlines;
    }

    public Optional<Letters.Letter> issueFor(Complaint complaint) {
        if (!CHANNELS.contains(complaint.channel()) || complaint.status() == ComplaintStatus.REJECTED_TIME_BARRED) {
            return Optional.empty();
        }
        Map<String, Object> details = new HashMap<>();
        details.put("channel", complaint.channel().name());
        details.put("category", complaint.category().name());
        details.put("description", complaint.description());
        details.put("incidentDate", complaint.incidentDate());
        details.put("customerPhone", complaint.customer().displayPhone());
        details.put("customerEmail", complaint.customer().email());
        details.put("customerAccount", complaint.customer().accountId());
        details.put("replyDueAt", due(complaint, Deadline.REPLY));
        details.put("resolutionDueAt", due(complaint, Deadline.RESOLUTION));
        return Optional.of(letters.issue(complaint, Letters.Kind.INTAKE_RECEIPT, null, details));
    }

    /** The receipt of a complaint, if it got one. */
    public Optional<Letters.Letter> of(Complaint complaint) {
        return letters.of(complaint.id()).stream()
                .filter(l -> l.kind().equals(Letters.Kind.INTAKE_RECEIPT.name())).findFirst();
    }

    private OffsetDateTime due(Complaint complaint, String deadline) {
        return deadlines.find(complaint.id(), deadline).map(Deadline::dueAt).orElse(null);
    }
}
