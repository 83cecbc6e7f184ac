package vn.complaintdesk.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.outbox.*}: how undeliverable messages are retried. A passing failure waits
 * {@code first-retry-delay}, doubled with each attempt up to {@code max-retry-delay}, and the message
 * is given up (FAILED) only when it still fails {@code retry-for} after it was queued; a permanent
 * refusal ends FAILED at once.
 */
@ConfigurationProperties("complaints.outbox")
public record OutboxProperties(Duration firstRetryDelay, Duration maxRetryDelay, Duration retryFor, int batchSize) {

    public OutboxProperties {
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(30) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(30) : maxRetryDelay;
        retryFor = retryFor == null ? Duration.ofHours(24) : retryFor;
        batchSize = batchSize <= 0 ? 50 : batchSize;
    }
}
