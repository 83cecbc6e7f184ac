package vn.complaintdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.letters.Letters;

/**
 * Delivers pending outbox messages after their transaction committed. Each message is claimed by a
 * conditional update before sending, so two nodes or a retried run never send it twice; failures
 * back off exponentially up to a cap and end as FAILED when they still fail {@code retry-for} after
 * queueing (24 h by default); a permanent refusal by the SMTP server ends FAILED at once, with the
 * server's reason for the administrators and in the complaint's log book.
 *
 * <p>A message is sent exactly as it was rendered when queued; only its attachment (the immutable
 * letter PDF) is read at sending time. Its Message-ID is fixed before the first attempt, so if the
 * SMTP server took a mail but the app died before recording SENT, the one resend carries the same
 * Message-ID and the receiving side can drop the duplicate.
 */
@Component
public class OutboxDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<NotificationSender> senders;
    private final OutboxProperties properties;
    private final Letters letters;
    private final CustomerMailProperties mail;
    private final ComplaintEventLog eventLog;
    private final java.util.concurrent.ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    /** A due row: the message as queued, and what completes it at sending time. */
    private record Due(OutgoingMessage message, long complaintId, Long letterId, int attempts) {
    }

    public OutboxDispatcher(JdbcClient jdbc, Clock clock, List<NotificationSender> senders,
            OutboxProperties properties, Letters letters, CustomerMailProperties mail, ComplaintEventLog eventLog) {
        this.jdbc = jdbc;
        this.clock = clock;
        // Adapters for real channels come before the logging fallback.
        this.senders = senders.stream()
                .sorted((a, b) -> Boolean.compare(a instanceof LoggingNotificationSender, b instanceof LoggingNotificationSender))
                .toList();
        this.properties = properties;
        this.letters = letters;
        this.mail = mail;
        this.eventLog = eventLog;
    }

    public void wakeUp() {
        executor.execute(this::deliverDue);
    }

    @Scheduled(fixedDelayString = "${complaints.outbox.poll-interval:PT5S}", initialDelayString = "PT5S")
    public synchronized void deliverDue() {
        try {
            List<Due> due;
            do {
                due = jdbc.sql("""
                        SELECT n.id, c.reference, n.type, n.channel, n.recipient, n.language, n.subject, n.body,
                            n.body_html, n.message_id, n.complaint_id, n.letter_id, n.attempts
                        FROM notification n JOIN complaint c ON c.id = n.complaint_id
                        WHERE n.status = 'PENDING' AND n.next_attempt_at <= :now ORDER BY n.next_attempt_at, n.id
                        LIMIT :limit""")
                        .param("now", OffsetDateTime.now(clock))
                        .param("limit", properties.batchSize())
                        .query((rs, i) -> new Due(new OutgoingMessage(rs.getLong(1), rs.getString(2),
                                NotificationType.valueOf(rs.getString(3)), DeliveryChannel.valueOf(rs.getString(4)),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                rs.getString(10), null, List.of()), rs.getLong(11),
                                rs.getObject(12) == null ? null : rs.getLong(12), rs.getInt(13)))
                        .list();
                due.forEach(this::deliver);
            } while (due.size() == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox delivery round failed: {}", e.toString());
        }
    }

    private void deliver(Due due) {
        OutgoingMessage queued = due.message();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Rows queued before V3 have no Message-ID yet: fix one now, before the first attempt.
        String messageId = queued.messageId() != null ? queued.messageId() : mail.newMessageId(queued.reference());
        // Claim: push the next attempt out first, so a crash during sending retries later, not now.
        int claimed = jdbc.sql("""
                UPDATE notification SET attempts = attempts + 1, next_attempt_at = :later,
                    message_id = COALESCE(message_id, :messageId)
                WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now""")
                .param("later", now.plus(backoff(due.attempts())))
                .param("messageId", messageId)
                .param("id", queued.id()).param("now", now).update();
        if (claimed == 0) {
            return;
        }
        OutgoingMessage message = queued;
        try {
            message = complete(due, messageId);
            senderFor(message.channel()).send(message);
            jdbc.sql("UPDATE notification SET status = 'SENT', sent_at = :now, last_error = NULL WHERE id = :id")
                    .param("now", OffsetDateTime.now(clock)).param("id", message.id()).update();
        } catch (Exception e) {
            Optional<String> refusal = SmtpRefusal.permanent(e);
            String error = refusal.orElse(e.getClass().getSimpleName() + ": " + e.getMessage());
            String stored = error.length() > 2000 ? error.substring(0, 2000) : error;
            int failed = jdbc.sql("""
                    UPDATE notification SET last_error = :error,
                        status = CASE WHEN CAST(:permanent AS BOOLEAN) OR created_at <= :givenUpBefore THEN 'FAILED' ELSE 'PENDING' END
                    WHERE id = :id""")
                    .param("error", stored).param("permanent", refusal.isPresent())
                    .param("givenUpBefore", now.minus(properties.retryFor())).param("id", message.id()).update();
            if (failed > 0 && refusal.isPresent()) {
                eventLog.record(due.complaintId(), ComplaintEventLog.SYSTEM, "NOTIFICATION_FAILED",
                        message.type() + " → " + message.recipient() + ": " + stored);
            }
            log.warn("Delivery of notification {} ({}) failed{}: {}", message.id(), message.type(),
                    refusal.isPresent() ? " for good" : "", error);
        }
    }

    /** Adds what is read at sending time: the attachment and the thread the mail belongs to. */
    private OutgoingMessage complete(Due due, String messageId) {
        OutgoingMessage m = due.message();
        List<Attachment> attachments = List.of();
        if (due.letterId() != null) {
            Letters.LetterFile file = letters.file(due.letterId())
                    .orElseThrow(() -> new IllegalStateException("letter " + due.letterId() + " is missing"));
            attachments = List.of(new Attachment(file.fileName(), file.contentType(), file.content()));
        }
        String threadRoot = jdbc.sql("""
                SELECT message_id FROM notification
                WHERE complaint_id = :complaint AND channel = :channel AND recipient = :recipient
                    AND message_id IS NOT NULL AND id < :id
                ORDER BY id LIMIT 1""")
                .param("complaint", due.complaintId()).param("channel", m.channel().name())
                .param("recipient", m.recipient()).param("id", m.id())
                .query(String.class).optional()
                .or(() -> customersOpeningMail(due.complaintId(), m.channel()))
                .orElse(null);
        return new OutgoingMessage(m.id(), m.reference(), m.type(), m.channel(), m.recipient(), m.language(),
                m.subject(), m.body(), m.htmlBody(), messageId, threadRoot, attachments);
    }

    /** A complaint opened by e-mail: our first answer threads under the customer's own mail. */
    private java.util.Optional<String> customersOpeningMail(long complaintId, DeliveryChannel channel) {
        if (channel != DeliveryChannel.EMAIL) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("""
                SELECT external_id FROM inbound_message
                WHERE complaint_id = :complaint AND source = 'email' AND outcome = 'OPENED_COMPLAINT'
                ORDER BY id LIMIT 1""")
                .param("complaint", complaintId).query(String.class).optional();
    }

    /** After {@code attempts} earlier attempts, as read with the due row. */
    private Duration backoff(int attempts) {
        Duration doubled = properties.firstRetryDelay().multipliedBy(1L << Math.min(attempts, 16));
        return doubled.compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay() : doubled;
    }

    private NotificationSender senderFor(DeliveryChannel channel) {
        return senders.stream().filter(s -> s.supports(channel)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No sender for " + channel));
    }

    /** Puts a FAILED message back in the queue (administrator's retry). */
    public boolean retry(long notificationId) {
        return jdbc.sql("""
                UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                WHERE id = :id AND status = 'FAILED'""")
                .param("now", OffsetDateTime.now(clock)).param("id", notificationId).update() > 0;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
