package vn.complaintdesk.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.outbox.*}: how often and how long undeliverable messages are retried. */
@ConfigurationProperties("complaints.outbox")
public record OutboxProperties(int maxAttempts, Duration firstRetryDelay, int batchSize) {

    public OutboxProperties {
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(30) : firstRetryDelay;
        batchSize = batchSize <= 0 ? 50 : batchSize;
    }
}
