package vn.complaintdesk.security.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.login-throttle.*}: after {@code maxFailures} failed logins of one client address
 * (or of one user name, see {@link LoginThrottle}) the next attempt waits {@code baseDelay}, doubled
 * with every further failure up to {@code maxDelay}. Failures are forgotten {@code window} after the
 * last one; {@code auditRetention} is how long the login audit keeps its rows.
 */
@ConfigurationProperties("complaints.login-throttle")
public record LoginThrottleProperties(int maxFailures, Duration window, Duration baseDelay, Duration maxDelay,
        Duration auditRetention) {

    public LoginThrottleProperties {
        maxFailures = maxFailures <= 0 ? 5 : maxFailures;
        window = window == null ? Duration.ofHours(1) : window;
        baseDelay = baseDelay == null ? Duration.ofSeconds(30) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
        auditRetention = auditRetention == null ? Duration.ofDays(365) : auditRetention;
        if (window.compareTo(maxDelay) <= 0) {
            // Otherwise the count would be forgotten while the address still waits, and start again at zero.
            throw new IllegalArgumentException("complaints.login-throttle.window must be longer than max-delay");
        }
    }
}
