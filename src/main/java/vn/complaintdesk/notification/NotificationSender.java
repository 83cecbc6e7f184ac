package vn.complaintdesk.notification;

/**
 * Delivers one message on one channel. E-mail, SMS or Zalo adapters implement this; a sender
 * throws when delivery failed so the outbox retries later.
 */
public interface NotificationSender {

    boolean supports(DeliveryChannel channel);

    void send(OutgoingMessage message) throws Exception;
}
