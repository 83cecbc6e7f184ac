package vn.complaintdesk.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;

/**
 * Everything that must reach the customer or staff is written here in the caller's transaction and
 * delivered after commit. A dedup key per message makes a retried job add nothing twice.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MessageSource messages;
    private final ComplaintEventLog eventLog;
    private final OutboxDispatcher dispatcher;

    public Outbox(JdbcClient jdbc, Clock clock, MessageSource messages, ComplaintEventLog eventLog,
            OutboxDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
        this.eventLog = eventLog;
        this.dispatcher = dispatcher;
    }

    /** Queues a message to the customer in their language; the text comes from messages_xx. */
    public boolean toCustomer(Complaint complaint, NotificationType type, String dedupSuffix, Object... args) {
        DeliveryChannel channel = complaint.customer().email() != null ? DeliveryChannel.EMAIL : DeliveryChannel.SMS;
        String recipient = channel == DeliveryChannel.EMAIL ? complaint.customer().email() : complaint.customer().phone();
        Locale locale = Locale.forLanguageTag(complaint.customer().language());
        return enqueue(complaint, type, dedupSuffix, channel, recipient, locale, args);
    }

    /** Queues an alert to a staff group (in Vietnamese, the desk's working language). */
    public boolean toStaff(Complaint complaint, NotificationType type, String dedupSuffix, String group, Object... args) {
        return enqueue(complaint, type, dedupSuffix, DeliveryChannel.STAFF, group, Locale.forLanguageTag("vi"), args);
    }

    private boolean enqueue(Complaint complaint, NotificationType type, String dedupSuffix, DeliveryChannel channel,
            String recipient, Locale locale, Object... args) {
        String dedupKey = complaint.reference() + ":" + type + (dedupSuffix == null ? "" : ":" + dedupSuffix);
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM notification WHERE dedup_key = :key")
                .param("key", dedupKey).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        Object[] withReference = prepend(complaint.reference(), args);
        String subject = messages.getMessage("notification." + type + ".subject", withReference, locale);
        String body = messages.getMessage("notification." + type + ".body", withReference, locale);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO notification (complaint_id, dedup_key, type, channel, recipient, language, subject, body,
                    status, attempts, created_at, next_attempt_at)
                VALUES (:complaintId, :key, :type, :channel, :recipient, :language, :subject, :body,
                    'PENDING', 0, :now, :now)""")
                .param("complaintId", complaint.id())
                .param("key", dedupKey)
                .param("type", type.name())
                .param("channel", channel.name())
                .param("recipient", recipient)
                .param("language", locale.getLanguage())
                .param("subject", subject)
                .param("body", body)
                .param("now", now)
                .update();
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "NOTIFICATION_QUEUED", type + " → " + recipient);
        wakeDispatcherAfterCommit();
        return true;
    }

    public List<Notification> of(long complaintId) {
        return jdbc.sql("""
                SELECT id, type, channel, recipient, status, created_at, sent_at, attempts, subject, last_error
                FROM notification WHERE complaint_id = :id ORDER BY created_at, id""")
                .param("id", complaintId)
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("type"), rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("status"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getInt("attempts"), rs.getString("subject"), rs.getString("last_error")))
                .list();
    }

    private void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wakeUp();
                }
            });
        } else {
            dispatcher.wakeUp();
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
