package vn.complaintdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers pending outbox messages after their transaction committed. Each message is claimed by a
 * conditional update before sending, so two nodes or a retried run never send it twice; failures
 * back off exponentially and end as FAILED after the configured number of attempts.
 */
@Component
public class OutboxDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<NotificationSender> senders;
    private final OutboxProperties properties;
    private final java.util.concurrent.ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxDispatcher(JdbcClient jdbc, Clock clock, List<NotificationSender> senders,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        // Adapters for real channels come before the logging fallback.
        this.senders = senders.stream()
                .sorted((a, b) -> Boolean.compare(a instanceof LoggingNotificationSender, b instanceof LoggingNotificationSender))
                .toList();
        this.properties = properties;
    }

    public void wakeUp() {
        executor.execute(this::deliverDue);
    }

    @Scheduled(fixedDelayString = "${complaints.outbox.poll-interval:PT5S}", initialDelayString = "PT5S")
    public synchronized void deliverDue() {
        try {
            List<OutgoingMessage> due;
            do {
                due = jdbc.sql("""
                        SELECT n.id, c.reference, n.type, n.channel, n.recipient, n.language, n.subject, n.body
                        FROM notification n JOIN complaint c ON c.id = n.complaint_id
                        WHERE n.status = 'PENDING' AND n.next_attempt_at <= :now ORDER BY n.next_attempt_at, n.id
                        LIMIT :limit""")
                        .param("now", OffsetDateTime.now(clock))
                        .param("limit", properties.batchSize())
                        .query((rs, i) -> new OutgoingMessage(rs.getLong(1), rs.getString(2),
                                NotificationType.valueOf(rs.getString(3)), DeliveryChannel.valueOf(rs.getString(4)),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                        .list();
                due.forEach(this::deliver);
            } while (due.size() == properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox delivery round failed: {}", e.toString());
        }
    }

    private void deliver(OutgoingMessage message) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Claim: push the next attempt out first, so a crash during sending retries later, not now.
        int claimed = jdbc.sql("""
                UPDATE notification SET attempts = attempts + 1, next_attempt_at = :later
                WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now""")
                .param("later", now.plus(backoff(message.id())))
                .param("id", message.id()).param("now", now).update();
        if (claimed == 0) {
            return;
        }
        try {
            senderFor(message.channel()).send(message);
            jdbc.sql("UPDATE notification SET status = 'SENT', sent_at = :now, last_error = NULL WHERE id = :id")
                    .param("now", OffsetDateTime.now(clock)).param("id", message.id()).update();
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            jdbc.sql("""
                    UPDATE notification SET last_error = :error,
                        status = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'PENDING' END
                    WHERE id = :id""")
                    .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                    .param("max", properties.maxAttempts()).param("id", message.id()).update();
            log.warn("Delivery of notification {} ({}) failed: {}", message.id(), message.type(), error);
        }
    }

    private Duration backoff(long id) {
        int attempts = jdbc.sql("SELECT attempts FROM notification WHERE id = :id").param("id", id)
                .query(Integer.class).single();
        long factor = 1L << Math.min(attempts, 16);
        return properties.firstRetryDelay().multipliedBy(factor);
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
