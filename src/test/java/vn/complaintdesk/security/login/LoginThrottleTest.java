package vn.complaintdesk.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.HttpFromAddress;
import vn.complaintdesk.support.HttpFromAddress.Answer;
import vn.complaintdesk.support.StaffSession;

/**
 * Strangers guessing passwords are slowed down per address and per user name, and cannot lock the
 * real user out. The suite's own calls come from 127.0.0.1; other loopback addresses play the real
 * user and further attackers.
 */
@DeskTest
class LoginThrottleTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @BeforeEach
    @AfterEach
    void forgetFailedLogins() {
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    @Test
    void elevenWrongBasicLoginsLeaveTheRealUserAtAnotherAddressLoggingIn() {
        List<HttpStatus> answers = new ArrayList<>();
        ResponseEntity<String> last = null;
        for (int i = 0; i < 11; i++) {
            last = http.withBasicAuth("director", "guess-" + i).getForEntity("/engine-rest/engine", String.class);
            answers.add(HttpStatus.valueOf(last.getStatusCode().value()));
        }
        assertThat(answers.subList(0, 5)).containsOnly(HttpStatus.UNAUTHORIZED);
        assertThat(answers.subList(5, 11)).containsOnly(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(last.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(Long.parseLong(last.getHeaders().getFirst("Retry-After"))).isBetween(1L, 30L);
        assertThat(last.getBody()).contains("\"status\":429", "thử lại sau");

        // The right password from the attacker's address waits too: the address is blocked, not the user.
        assertThat(http.withBasicAuth("director", "demo").getForEntity("/engine-rest/engine", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        HttpFromAddress realDirector = HttpFromAddress.from("127.0.0.2", port);
        assertThat(realDirector.getWithBasic("/engine-rest/engine", "director", "demo").status()).isEqualTo(200);
        assertThat(realDirector.getWithBasic("/api/tasks", "director", "demo").status()).isEqualTo(200);
    }

    @Test
    void attackersAtManyAddressesNeitherLockTheAccountNorKeepTheRealUserOut() {
        for (int i = 10; i < 21; i++) {
            Answer wrong = HttpFromAddress.from("127.0.0." + i, port).getWithBasic("/engine-rest/engine", "agent2", "guess");
            assertThat(wrong.status()).as("first wrong password from 127.0.0.%d", i).isEqualTo(401);
        }
        // Eleven wrong passwords reached the identity service, past Camunda's default lock of ten.
        assertThat(HttpFromAddress.from("127.0.0.30", port).getWithBasic("/engine-rest/engine", "agent2", "demo")
                .status()).isEqualTo(200);

        // The user is under attack: addresses that failed recently wait even with the right password.
        Answer fromAnAttacker = HttpFromAddress.from("127.0.0.10", port).getWithBasic("/engine-rest/engine", "agent2", "demo");
        assertThat(fromAnAttacker.status()).isEqualTo(429);
        assertThat(fromAnAttacker.header("Retry-After")).isNotBlank();
        assertThat(fromAnAttacker.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theWaitDoublesWithEveryFailureAfterTheBlock() {
        for (int i = 0; i < 5; i++) {
            http.withBasicAuth("legal", "guess").getForEntity("/api/tasks", String.class);
        }
        long firstWait = retryAfter(http.withBasicAuth("legal", "guess").getForEntity("/api/tasks", String.class));
        assertThat(firstWait).isBetween(25L, 30L);

        waitedOut(31);
        assertThat(http.withBasicAuth("legal", "guess").getForEntity("/api/tasks", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        long secondWait = retryAfter(http.withBasicAuth("legal", "guess").getForEntity("/api/tasks", String.class));
        assertThat(secondWait).isBetween(55L, 60L);

        waitedOut(61);
        http.withBasicAuth("legal", "guess").getForEntity("/api/tasks", String.class);
        assertThat(retryAfter(http.withBasicAuth("legal", "guess").getForEntity("/api/tasks", String.class)))
                .isBetween(115L, 120L);
    }

    @Test
    void twoHundredFastWrongLoginFormPostsAreAnswered429WithAFriendlyPage() {
        StaffSession browser = StaffSession.anonymous(port);
        String csrf = csrfToken(browser.get("/login").body());
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 200; i++) {
            last = browser.postForm("/login", "username=ops&password=guess-" + i + "&_csrf=" + enc(csrf));
            statuses.add(last.statusCode());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(302);
        assertThat(statuses.subList(5, 200)).containsOnly(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(last.body()).contains("id=\"login-throttled\"", "Quá nhiều lần đăng nhập sai", "name=\"_csrf\"");

        HttpResponse<String> english = browser.postForm("/login?lang=en", "username=ops&password=demo&_csrf=" + enc(csrf));
        assertThat(english.statusCode()).isEqualTo(429);
        assertThat(english.body()).contains("Too many failed logins. For your safety, please wait");
        assertThat(loginAuditRows("ops", "127.0.0.1", "FORM", "THROTTLED")).isGreaterThanOrEqualTo(196);
    }

    @Test
    void failedAndSuccessfulLoginsAreAuditedWithUserTimeAndAddress() {
        long before = loginAuditRows("finance", "127.0.0.1", "FORM", "SUCCESS");
        StaffSession browser = StaffSession.anonymous(port);
        String csrf = csrfToken(browser.get("/login").body());
        assertThat(browser.postForm("/login", "username=finance&password=guess&_csrf=" + enc(csrf))
                .headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        StaffSession.login(port, "finance", "demo");
        HttpFromAddress.from("127.0.0.41", port).getWithBasic("/api/tasks", "finance", "guess");
        HttpFromAddress.from("127.0.0.41", port).getWithBasic("/api/tasks", "finance", "demo");

        assertThat(loginAuditRows("finance", "127.0.0.1", "FORM", "FAILURE")).isGreaterThanOrEqualTo(1);
        assertThat(loginAuditRows("finance", "127.0.0.1", "FORM", "SUCCESS")).isEqualTo(before + 1);
        assertThat(loginAuditRows("finance", "127.0.0.41", "BASIC", "FAILURE")).isEqualTo(1);
        assertThat(loginAuditRows("finance", "127.0.0.41", "BASIC", "SUCCESS")).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM login_audit WHERE client_address = '127.0.0.41'
                        AND occurred_at > CURRENT_TIMESTAMP - INTERVAL '1' MINUTE""")
                .query(Long.class).single()).isEqualTo(2);
    }

    /** As if the attacker had waited: every failure counted so far moves back in time. */
    private void waitedOut(int seconds) {
        List<String> keys = jdbc.sql("SELECT throttle_key FROM login_throttle").query(String.class).list();
        for (String key : keys) {
            OffsetDateTime last = jdbc.sql("SELECT last_failure_at FROM login_throttle WHERE throttle_key = ?")
                    .param(key).query(OffsetDateTime.class).single();
            jdbc.sql("UPDATE login_throttle SET last_failure_at = ? WHERE throttle_key = ?")
                    .param(last.minusSeconds(seconds)).param(key).update();
        }
    }

    private long loginAuditRows(String user, String address, String door, String outcome) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM login_audit
                        WHERE user_name = ? AND client_address = ? AND door = ? AND outcome = ?""")
                .params(user, address, door, outcome).query(Long.class).single();
    }

    private static long retryAfter(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        return Long.parseLong(answer.getHeaders().getFirst("Retry-After"));
    }

    private static String csrfToken(String page) {
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("login page carries a CSRF token").isTrue();
        return csrf.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
