package vn.complaintdesk.security.login;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins: the attempt was refused without checking the password. */
public class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    public LoginThrottledException(Duration wait) {
        super("Too many failed logins");
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
