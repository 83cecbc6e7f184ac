package vn.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.StaffSession;

/** What Camunda's own authorizations let every staff member do, refused by the desk at both engine doors. */
@DeskTest
class CamundaLeastPrivilegeTest {

    @Autowired TestRestTemplate http;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @AfterEach
    void forgetFailedLogins() {
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    @Test
    void theAuditorCannotCommentOnTheDirectorsApprovalTask() {
        String taskId = approvalTask();

        assertThat(commentByBasic("auditor", taskId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        StaffSession auditor = StaffSession.login(port, "auditor", "demo");
        HttpResponse<String> byTasklist = auditor.postCamunda(
                "/camunda/api/engine/engine/default/task/" + taskId + "/comment/create", auditor.openCamundaTasklist(),
                "{\"message\":\"Tôi cũng góp ý\"}");
        assertThat(byTasklist.statusCode()).isEqualTo(403);
        assertThat(byTasklist.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(commentByBasic("agent", taskId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(taskService.getTaskComments(taskId)).isEmpty();

        assertThat(commentByBasic("director", taskId).getStatusCode()).isEqualTo(HttpStatus.OK);
        StaffSession director = StaffSession.login(port, "director", "demo");
        assertThat(director.postCamunda("/camunda/api/engine/engine/default/task/" + taskId + "/comment/create",
                director.openCamundaTasklist(), "{\"message\":\"Đã xem\"}").statusCode()).isEqualTo(200);
        assertThat(taskService.getTaskComments(taskId)).extracting(c -> c.getUserId())
                .containsExactly("director", "director");
    }

    @Test
    void staffCannotDeleteOrEditTheirOwnAccountButMayChangeTheirPassword() {
        String id = "selfservice" + System.nanoTime();
        User user = identityService.newUser(id);
        user.setFirstName("Tạm");
        user.setLastName("Thời");
        user.setPassword("old-secret-1");
        identityService.saveUser(user);
        identityService.createMembership(id, StaffRoles.AGENTS);

        assertThat(http.withBasicAuth(id, "old-secret-1").exchange("/engine-rest/user/" + id, HttpMethod.DELETE, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(id, "old-secret-1").exchange("/engine-rest/user/" + id + "/", HttpMethod.DELETE,
                null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(id, "old-secret-1").exchange("/engine-rest/user/" + id + "/profile",
                HttpMethod.PUT, json("{\"id\":\"" + id + "\",\"firstName\":\"Sếp\",\"lastName\":\"Lớn\"}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        StaffSession self = StaffSession.login(port, id, "old-secret-1");
        assertThat(self.sendCamunda("DELETE", "/camunda/api/engine/engine/default/user/" + id, self.openCamundaTasklist(), "")
                .statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId(id).singleResult().getFirstName()).isEqualTo("Tạm");

        assertThat(http.withBasicAuth(id, "old-secret-1").exchange("/engine-rest/user/" + id + "/credentials",
                HttpMethod.PUT, json("{\"password\":\"new-secret-2\",\"authenticatedUserPassword\":\"old-secret-1\"}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.withBasicAuth(id, "new-secret-2").getForEntity("/engine-rest/engine", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(http.withBasicAuth("admin", "demo").exchange("/engine-rest/user/" + id, HttpMethod.DELETE, null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
    }

    @Test
    void cockpitsPluginApiAnswersOnlyThoseWhoMayOpenCockpit() {
        String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
        HttpResponse<String> agent = StaffSession.login(port, "agent", "demo").get(statistics);
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(agent.body()).doesNotContain("complaint-handling");
        HttpResponse<String> director = StaffSession.login(port, "director", "demo").get(statistics);
        assertThat(director.statusCode()).isEqualTo(200);
        assertThat(director.body()).contains("complaint-handling");
    }

    @Test
    void engineMetricsAreForAdministratorsOnly() {
        String sum = "/engine-rest/metrics/activity-instance-start/sum";
        assertThat(http.withBasicAuth("agent", "demo").getForEntity(sum, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("director", "demo").getForEntity("/engine-rest/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(StaffSession.login(port, "agent", "demo")
                .get("/camunda/api/engine/engine/default/metrics/activity-instance-start/sum").statusCode()).isEqualTo(403);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity(sum, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void passwordsCannotBeTriedThroughTheEnginesOwnLoginDoors() {
        assertThat(http.withBasicAuth("agent", "demo").postForEntity("/engine-rest/identity/verify",
                json("{\"username\":\"director\",\"password\":\"guess\"}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        StaffSession agent = StaffSession.login(port, "agent", "demo");
        assertThat(agent.postForm("/camunda/api/admin/auth/user/default/login/cockpit", "username=director&password=guess",
                "X-XSRF-TOKEN", agent.openCamundaTasklist()).statusCode()).isEqualTo(403);
    }

    @Test
    void aSessionWithAnyOtherAuthorizationHeaderStillNeedsTheCsrfToken() {
        String reference = driver.submit(Category.SERVICE_QUALITY).reference();
        long complaintId = driver.complaint(reference).id();
        StaffSession agent = StaffSession.login(port, "agent", "demo");

        HttpResponse<String> bearer = agent.postForm("/complaints/" + reference + "/notes", "body=Ghi+chú+lén",
                "Authorization", "Bearer x");
        assertThat(bearer.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongBasic = agent.postForm("/complaints/" + reference + "/notes", "body=Ghi+chú+lén",
                "Authorization", "Basic " + Base64.getEncoder().encodeToString("agent:guess".getBytes()));
        assertThat(wrongBasic.statusCode()).isEqualTo(401);
        assertThat(notes(complaintId)).isZero();

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("body", "Ghi chú qua API");
        ResponseEntity<String> basic = http.withBasicAuth("agent", "demo")
                .postForEntity("/complaints/" + reference + "/notes", new HttpEntity<>(form, headers), String.class);
        assertThat(basic.getStatusCode().isError()).as("Basic without CSRF token: %s", basic.getStatusCode()).isFalse();
        assertThat(notes(complaintId)).isEqualTo(1);
    }

    private long notes(long complaintId) {
        return jdbc.sql("SELECT COUNT(*) FROM complaint_note WHERE complaint_id = ?").param(complaintId)
                .query(Long.class).single();
    }

    /** Round 1 refund above what an agent may grant alone: the director's approval task. */
    private String approvalTask() {
        String reference = driver.submit(Complaints.submission(Category.BILLING,
                LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3))).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(reference, "ProposeResolution", "agent", Map.of("rootCause", "Trừ tiền hai lần",
                "remedy", "REFUND", "amount", 1_500_000, "replyText", "Chúng tôi hoàn lại 1.500.000 đồng."));
        return driver.task(reference, "ApproveResolution").getId();
    }

    private ResponseEntity<String> commentByBasic(String user, String taskId) {
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/comment/create",
                json("{\"message\":\"Ý kiến của " + user + "\"}"), String.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
