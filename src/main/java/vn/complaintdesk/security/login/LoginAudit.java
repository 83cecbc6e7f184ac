package vn.complaintdesk.security.login;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every login attempt in the table {@code login_audit} (who, when, address, door, outcome) and in the
 * log at INFO, except successful HTTP Basic logins: an API client logs in with every call, so those
 * are logged at DEBUG only (the table has them all).
 */
@Component
public class LoginAudit {

    private static final Logger log = LoggerFactory.getLogger(LoginAudit.class);
    private static final int MAX_USER_NAME = 200;
    private static final int MAX_ADDRESS = 100;

    private final JdbcClient jdbc;
    private final LoginThrottleProperties properties;
    private final Clock clock = Clock.systemUTC();

    public LoginAudit(JdbcClient jdbc, LoginThrottleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public void record(String userName, LoginAttempt attempt, LoginOutcome outcome) {
        String user = printable(userName, MAX_USER_NAME);
        String address = printable(attempt.address(), MAX_ADDRESS);
        jdbc.sql("""
                        INSERT INTO login_audit (occurred_at, user_name, client_address, door, outcome)
                        VALUES (:at, :user, :address, :door, :outcome)""")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("user", user)
                .param("address", address)
                .param("door", attempt.door().name())
                .param("outcome", outcome.name())
                .update();
        if (outcome == LoginOutcome.SUCCESS && attempt.door() == LoginDoor.BASIC) {
            log.debug("Login {} user='{}' address={} door={}", outcome, user, address, attempt.door());
        } else {
            log.info("Login {} user='{}' address={} door={}", outcome, user, address, attempt.door());
        }
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    @SchedulerLock(name = "login-audit-cleanup", lockAtMostFor = "PT30M")
    public void forgetOldAttempts() {
        jdbc.sql("DELETE FROM login_audit WHERE occurred_at < :cutoff")
                .param("cutoff", OffsetDateTime.now(clock).minus(properties.auditRetention()))
                .update();
    }

    /** A user name is whatever a stranger typed: no control characters into the log or the table. */
    private static String printable(String text, int maxLength) {
        String value = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return value.length() <= maxLength ? value : value.substring(0, maxLength);
    }
}
