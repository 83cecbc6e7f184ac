package vn.complaintdesk.notification;

/** A message taken from the outbox for delivery. */
public record OutgoingMessage(long id, String reference, NotificationType type, DeliveryChannel channel,
        String recipient, String language, String subject, String body) {
}
