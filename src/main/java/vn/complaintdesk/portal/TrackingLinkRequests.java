package vn.complaintdesk.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;

/**
 * A customer who lost their tracking link asks for it again with the reference and their e-mail
 * address. The link goes only to the address the complaint holds, at most once a day, and only when
 * the address given is that one; the caller is never told whether anything was sent.
 */
@Service
public class TrackingLinkRequests {

    private final ComplaintRepository complaints;
    private final TrackingTokens tokens;
    private final Outbox outbox;
    private final Clock clock;

    public TrackingLinkRequests(ComplaintRepository complaints, TrackingTokens tokens, Outbox outbox, Clock clock) {
        this.complaints = complaints;
        this.tokens = tokens;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void request(String reference, String email) {
        if (reference == null || email == null) {
            return;
        }
        complaints.findByReference(reference.strip().toUpperCase(Locale.ROOT))
                .filter(c -> c.customer().email() != null && c.customer().email().strip().equalsIgnoreCase(email.strip()))
                .filter(tokens::unexpired)
                .ifPresent(c -> outbox.toCustomer(c, NotificationType.TRACKING_LINK, LocalDate.now(clock).toString(),
                        Map.of()));
    }
}
