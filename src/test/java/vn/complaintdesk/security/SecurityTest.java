package vn.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.StaffSession;

/** Nothing of the staff side answers without login; each group reaches only its part. */
@DeskTest
class SecurityTest {

    @Autowired TestRestTemplate http;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/tasks", "/api/complaints/KN-2026-000001", "/engine-rest/engine",
            "/engine-rest/task", "/camunda/api/engine/engine/default/task/count"})
    void apisAnswer401WithoutLogin(String path) {
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** Without credentials there is no CSRF token either: still 401, not the CSRF refusal's 403. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/tasks/1/claim", "/api/complaints/KN-2026-000001/events/CustomerAnswered",
            "/api/complaints/KN-2026-000002/merge-into/KN-2026-000001"})
    void apiWritesAnswer401WithoutLogin(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.postForEntity(path, new HttpEntity<>("{}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tasks", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
            "/camunda/app/tasklist/default/"})
    void staffPagesRedirectToLoginWithoutLogin(String path) {
        var response = StaffSession.anonymous(port).get(path);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/actuator/health", "/webjars/bootstrap/css/bootstrap.min.css"})
    void publicPagesAnswerWithoutLogin(String path) {
        assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void actuatorBeyondHealthNeedsAnAdministrator() {
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("agent", "demo").getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "agent", "agent2", "tech", "finance", "ops", "director", "legal", "auditor",
            "analyst"})
    void everyDemoUserReachesEngineRestAndOurTasklist(String user) {
        assertThat(http.withBasicAuth(user, "demo").getForEntity("/engine-rest/engine", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth(user, "demo").getForEntity("/api/tasks", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void analystsSeeTheDeployedVersionsAndAgentsDoNot() {
        var page = http.withBasicAuth("analyst", "demo").getForEntity("/processes", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("data-key=\"complaint-handling\"", "limitation-period");
        assertThat(http.withBasicAuth("agent", "demo").getForEntity("/processes", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThat(http.withBasicAuth("agent", "wrong").getForEntity("/engine-rest/engine", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void eachGroupSeesOnlyItsCamundaWebapps() {
        assertThat(authorizedApps("admin")).contains("cockpit", "tasklist", "admin");
        assertThat(authorizedApps("agent")).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(authorizedApps("director")).contains("tasklist", "cockpit").doesNotContain("admin");
        assertThat(authorizedApps("auditor")).contains("cockpit").doesNotContain("admin");
        assertThat(authorizedApps("analyst")).contains("cockpit").doesNotContain("admin");
    }

    @Test
    void onlyAnalystsAndAdminsMayDeploy() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "probe");
        body.add("data", new org.springframework.core.io.ByteArrayResource("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
                  <process id="probe" isExecutable="true" camunda:historyTimeToLive="1"><startEvent id="s"/></process>
                </definitions>""".getBytes()) {
            @Override
            public String getFilename() {
                return "probe.bpmn";
            }
        });
        HttpEntity<Object> request = new HttpEntity<>(body, headers);
        assertThat(http.withBasicAuth("agent", "demo")
                .postForEntity("/engine-rest/deployment/create", request, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("analyst", "demo")
                .postForEntity("/engine-rest/deployment/create", request, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void customersFileComplaintsWithoutLoginOrCsrfToken() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.postForEntity("/api/complaints",
                new HttpEntity<>(Complaints.json("SERVICE_QUALITY", java.time.LocalDate.now().minusDays(1).toString()),
                        headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void pagesCarrySecurityHeaders() {
        HttpHeaders headers = http.getForEntity("/login", String.class).getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }

    @Test
    void ourLoginOpensCockpitWithoutASecondLogin() {
        StaffSession admin = StaffSession.login(port, "admin", "demo");
        assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/engine-rest/engine").statusCode()).isEqualTo(200);
    }

    @Test
    void camundaLogoutEndsTheWholeSession() {
        StaffSession agent = StaffSession.login(port, "agent", "demo");
        assertThat(agent.get("/tasks").statusCode()).isEqualTo(200);
        var app = agent.get("/camunda/app/tasklist/default/");
        assertThat(app.statusCode()).isEqualTo(200);
        String xsrf = app.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        assertThat(agent.postCamunda("/camunda/api/admin/auth/user/default/logout", xsrf).statusCode())
                .isLessThan(400);
        assertThat(agent.get("/tasks").statusCode()).isEqualTo(302);
    }

    private List<String> authorizedApps(String user) {
        StaffSession session = StaffSession.login(port, user, "demo");
        session.get("/camunda/app/welcome/default/");
        var response = session.get("/camunda/api/admin/auth/user/default");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        String apps = body.substring(body.indexOf('[') + 1, body.indexOf(']'));
        return java.util.Arrays.stream(apps.split(",")).map(a -> a.replace("\"", "").strip()).toList();
    }
}
