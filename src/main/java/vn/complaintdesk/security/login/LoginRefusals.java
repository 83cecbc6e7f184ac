package vn.complaintdesk.security.login;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import vn.complaintdesk.security.SecurityProblems;

/**
 * What a refused login answers: by HTTP Basic a problem (401 wrong credentials, 429 with
 * {@code Retry-After} when throttled); on the login form the page again, with the error or, when
 * throttled, 429 and when to try again.
 */
@Component
public class LoginRefusals {

    /** Request attribute with the seconds to wait, for the throttled login page. */
    public static final String RETRY_AFTER = "vn.complaintdesk.security.login.retryAfter";
    static final String THROTTLED_PAGE = "/login/throttled";

    private final SecurityProblems problems;

    public LoginRefusals(SecurityProblems problems) {
        this.problems = problems;
    }

    public AuthenticationEntryPoint basic() {
        return (request, response, refusal) -> {
            if (refusal instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "problem.loginThrottled",
                        throttled.retryAfterSeconds());
            } else {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.loginFailed");
            }
        };
    }

    public AuthenticationFailureHandler form() {
        AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, refusal) -> {
            if (refusal instanceof LoginThrottledException throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                request.setAttribute(RETRY_AFTER, throttled.retryAfterSeconds());
                request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
            } else {
                wrongPassword.onAuthenticationFailure(request, response, refusal);
            }
        };
    }
}
