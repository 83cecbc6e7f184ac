package vn.complaintdesk.notification;

import java.time.OffsetDateTime;

/** An outbox entry as shown on the complaint; {@code messageId} is the Message-ID its mail carries. */
public record Notification(long id, String type, String channel, String recipient, String status,
        OffsetDateTime createdAt, OffsetDateTime sentAt, int attempts, String subject, String lastError,
        String messageId) {
}
