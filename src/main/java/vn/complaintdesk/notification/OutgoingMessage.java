package vn.complaintdesk.notification;

import java.util.List;

/**
 * A message taken from the outbox for delivery, exactly as it was rendered when it was queued:
 * {@code body} is the plain text, {@code htmlBody} the HTML part (null for messages queued before
 * V3), {@code messageId} the Message-ID every attempt carries, {@code threadRootId} the Message-ID of
 * the first mail about the same complaint to the same recipient (null for that first mail itself).
 */
public record OutgoingMessage(long id, String reference, NotificationType type, DeliveryChannel channel,
        String recipient, String language, String subject, String body, String htmlBody, String messageId,
        String threadRootId, List<Attachment> attachments) {

    public OutgoingMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Text-only message without attachments (other channels, tests). */
    public OutgoingMessage(long id, String reference, NotificationType type, DeliveryChannel channel,
            String recipient, String language, String subject, String body) {
        this(id, reference, type, channel, recipient, language, subject, body, null, null, null, List.of());
    }
}
