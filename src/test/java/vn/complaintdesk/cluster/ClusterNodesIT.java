package vn.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.support.StaffSession;

/**
 * Two more nodes (B, C) on the database of the shared integration context, as behind a load
 * balancer without sticky sessions: staff sessions and the public rate limit are the cluster's,
 * not a node's. B and C limit public calls to 10 a minute and trust the proxy 127.0.0.2.
 */
@DeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterNodesIT {

    private static final String TRUSTED_PROXY = "127.0.0.2";
    private static final String[] LIMITED = {"complaints.public-rate-limit.per-minute=10",
            "complaints.trusted-proxies=" + TRUSTED_PROXY + "/32"};

    @Autowired Environment environment;
    @Autowired TestRestTemplate http;

    private ExtraNode nodeB;
    private ExtraNode nodeC;

    @BeforeAll
    void startTwoMoreNodes() {
        nodeB = ExtraNode.start(environment, "nodeB", LIMITED);
        nodeC = ExtraNode.start(environment, "nodeC", LIMITED);
    }

    @AfterAll
    void stopThem() {
        nodeC.close();
        nodeB.close();
    }

    @Test
    void aStaffSessionFromOneNodeServesPagesApiAndCamundaOnAnother() {
        String reference = submitComplaint();
        StaffSession onB = StaffSession.login(nodeB.port(), "agent", "demo");
        StaffSession onC = onB.onPort(nodeC.port());

        assertThat(onC.get("/api/tasks").statusCode()).isEqualTo(200);
        assertThat(onC.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(onC.get("/camunda/app/tasklist/default/").statusCode()).as("Camunda Tasklist").isEqualTo(200);
        HttpResponse<String> camundaUser = onC.get("/camunda/api/admin/auth/user/default");
        assertThat(camundaUser.statusCode()).isEqualTo(200);
        assertThat(camundaUser.body()).contains("\"userId\":\"agent\"");

        HttpResponse<String> complaintPage = onB.get("/complaints/" + reference);
        assertThat(complaintPage.statusCode()).as(reference).isEqualTo(200);
        String token = StaffSession.csrfToken(complaintPage);
        String note = "Ghi chú từ nút C";
        assertThat(onC.postForm("/complaints/" + reference + "/notes", "body=" + enc(note)).statusCode())
                .as("a form without the token").isEqualTo(403);
        HttpResponse<String> posted = onC.postForm("/complaints/" + reference + "/notes",
                "body=" + enc(note) + "&_csrf=" + enc(token));
        assertThat(posted.statusCode()).as("the token from B accepted on C").isEqualTo(302);
        assertThat(onB.get("/complaints/" + reference).body()).contains(note);

        HttpResponse<String> logout = onB.postForm("/logout",
                "_csrf=" + enc(StaffSession.csrfToken(onB.get("/tasks"))));
        // 204 for a client that does not ask for HTML, as this one; a browser is sent to /login?logout.
        assertThat(logout.statusCode()).isIn(204, 302);
        assertThat(onC.get("/api/tasks").statusCode()).as("logged out on B, so on C too").isEqualTo(401);
        assertThat(onC.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
    }

    @Test
    void thePublicLimitIsCountedOnceForAllNodes() {
        awaitTheStartOfAMinute();
        int allowed = 0;
        for (int call = 0; call < 20; call++) {
            int port = call % 2 == 0 ? nodeB.port() : nodeC.port();
            allowed += FromAddress.get("127.0.0.3", port, "/api/track/NO-SUCH?token=x") == 429 ? 0 : 1;
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerDoesNotEscapeTheLimit() {
        awaitTheStartOfAMinute();
        int allowed = 0;
        for (int call = 0; call < 15; call++) {
            int port = call % 2 == 0 ? nodeB.port() : nodeC.port();
            allowed += FromAddress.get("127.0.0.4", port, "/api/track/NO-SUCH?token=x",
                    "X-Forwarded-For: 198.51.100." + call) == 429 ? 0 : 1;
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void behindTheTrustedProxyEveryClientHasItsOwnAllowance() {
        awaitTheStartOfAMinute();
        int allowed = 0;
        for (int client = 1; client <= 15; client++) {
            int port = client % 2 == 0 ? nodeB.port() : nodeC.port();
            allowed += FromAddress.get(TRUSTED_PROXY, port, "/api/track/NO-SUCH?token=x",
                    "X-Forwarded-For: 6.6.6.6, 203.0.113." + client) == 429 ? 0 : 1;
        }
        assertThat(allowed).as("15 clients behind one proxy").isEqualTo(15);
        int sameClient = 0;
        for (int call = 0; call < 12; call++) {
            sameClient += FromAddress.get(TRUSTED_PROXY, nodeB.port(), "/api/track/NO-SUCH?token=x",
                    "X-Forwarded-For: 203.0.113.1") == 429 ? 0 : 1;
        }
        assertThat(sameClient).as("one client's further calls").isEqualTo(9);
    }

    /** The limit counts per clock minute: a run must not straddle two. */
    private void awaitTheStartOfAMinute() {
        Clock clock = nodeB.bean(Clock.class);
        while (clock.millis() % 60_000 > 40_000) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private String submitComplaint() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> created = http.postForObject("/api/complaints",
                new HttpEntity<>(Complaints.json("PROMOTION_TERMS", LocalDate.now().minusDays(2).toString()), headers),
                Map.class);
        return (String) created.get("reference");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
