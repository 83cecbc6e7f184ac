package vn.complaintdesk.security.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted in the database per client address and per user name, so all nodes share
 * the count. An address with too many failures waits before any further attempt. A user name with
 * too many failures waits only at addresses that failed recently themselves: an attacker elsewhere
 * cannot keep the real user, at an address of their own, from logging in with the right password.
 */
@Component
public class LoginThrottle {

    private static final int MAX_KEY_LENGTH = 300;
    private static final int MAX_DOUBLINGS = 20;

    private record Failures(int count, Instant last) {
        static final Failures NONE = new Failures(0, Instant.EPOCH);
    }

    private final JdbcClient jdbc;
    private final LoginThrottleProperties limits;
    // Real time, not the engine clock that tests move: a wait is a wait.
    private final Clock clock = Clock.systemUTC();

    public LoginThrottle(JdbcClient jdbc, LoginThrottleProperties limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /** How long this attempt must wait before its password may be checked; empty when it may go on. */
    public Optional<Duration> waitBefore(String userName, String address) {
        Instant now = clock.instant();
        String addressKey = addressKey(address);
        String userKey = userKey(userName);
        Map<String, Failures> failures = recentFailures(List.of(addressKey, userKey), now);
        Failures ofAddress = failures.getOrDefault(addressKey, Failures.NONE);
        Duration wait = waitAfter(ofAddress, now);
        if (wait.isZero() && ofAddress.count() > 0) {
            wait = waitAfter(failures.getOrDefault(userKey, Failures.NONE), now);
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    public void recordFailure(String userName, String address) {
        Instant now = clock.instant();
        count(addressKey(address), now);
        count(userKey(userName), now);
    }

    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    @SchedulerLock(name = "login-throttle-cleanup", lockAtMostFor = "PT5M")
    public void forgetOldFailures() {
        jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < :windowStart")
                .param("windowStart", utc(clock.instant().minus(limits.window())))
                .update();
    }

    private Duration waitAfter(Failures failures, Instant now) {
        if (failures.count() < limits.maxFailures()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - limits.maxFailures(), MAX_DOUBLINGS);
        Duration delay = limits.baseDelay().multipliedBy(1L << doublings);
        if (delay.compareTo(limits.maxDelay()) > 0) {
            delay = limits.maxDelay();
        }
        Duration left = Duration.between(now, failures.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Map<String, Failures> recentFailures(List<String> keys, Instant now) {
        return jdbc.sql("""
                        SELECT throttle_key, failures, last_failure_at FROM login_throttle
                        WHERE throttle_key IN (:keys) AND last_failure_at >= :windowStart""")
                .param("keys", keys)
                .param("windowStart", utc(now.minus(limits.window())))
                .query((rs, i) -> Map.entry(rs.getString(1),
                        new Failures(rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant())))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** One atomic statement per key; the insert of a first failure may meet another node's, then it counts again. */
    private void count(String key, Instant now) {
        if (increment(key, now) > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (:key, 1, :now)")
                    .param("key", key)
                    .param("now", utc(now))
                    .update();
        } catch (DuplicateKeyException firstFailureCountedElsewhereAtTheSameMoment) {
            increment(key, now);
        }
    }

    private int increment(String key, Instant now) {
        return jdbc.sql("""
                        UPDATE login_throttle
                        SET failures = CASE WHEN last_failure_at < :windowStart THEN 1 ELSE failures + 1 END,
                            last_failure_at = :now
                        WHERE throttle_key = :key""")
                .param("windowStart", utc(now.minus(limits.window())))
                .param("now", utc(now))
                .param("key", key)
                .update();
    }

    static String addressKey(String address) {
        return limited("address:" + address);
    }

    static String userKey(String userName) {
        return limited("user:" + (userName == null ? "" : userName.strip().toLowerCase(Locale.ROOT)));
    }

    private static String limited(String key) {
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
