package vn.complaintdesk.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintRepository;

/**
 * The customer's key to one complaint: valid only with that complaint's reference and only until
 * 90 days after closing. A wrong token looks exactly like an unknown complaint.
 */
@Component
public class TrackingTokens {

    /** What a reference and a token can look like at all; anything else is not looked up. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9-]{1,30}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ComplaintRepository complaints;
    private final Clock clock;

    public TrackingTokens(ComplaintRepository complaints, Clock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    public Optional<Complaint> complaintFor(String reference, String token) {
        if (reference == null || token == null || !REFERENCE.matcher(reference).matches()
                || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return complaints.findByReference(reference).filter(c -> matches(c, token)).filter(this::unexpired);
    }

    /** Compared in constant time, so that timing tells nothing about a token. */
    public boolean matches(Complaint complaint, String token) {
        return token != null && MessageDigest.isEqual(complaint.trackingToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    public boolean unexpired(Complaint complaint) {
        return complaint.trackingExpiresAt() == null || complaint.trackingExpiresAt().isAfter(OffsetDateTime.now(clock));
    }
}
