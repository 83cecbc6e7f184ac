package vn.complaintdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.StaffSession;

/**
 * Attacks on the director's approval by staff accounts, through every door: the route comes from
 * our records, a task takes only its own fields, and nobody approves what they wrote.
 */
@DeskTest
class ApprovalCannotBeSkippedTest {

    private static final String EXPLANATION = "{\"variables\":{\"rootCause\":{\"value\":\"Điều kiện chưa rõ\"},"
            + "\"remedy\":{\"value\":\"EXPLANATION\"},\"replyText\":{\"value\":\"Chúng tôi giải thích.\"}";
    private static final Map<String, Object> EXPLANATION_FIELDS = Map.of("rootCause", "Điều kiện chưa rõ",
            "remedy", "EXPLANATION", "replyText", "Chúng tôi giải thích.");

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired Letters letters;
    @LocalServerPort int port;

    @Test
    void proposalCompletedOverEngineRestWithPlantedFirstContactIsRefusedNamingTheVariable() throws Exception {
        String reference = investigated();
        String taskId = driver.task(reference, "ProposeResolution").getId();

        ResponseEntity<String> response = post("agent", "/engine-rest/task/" + taskId + "/complete",
                EXPLANATION + ",\"firstContact\":{\"value\":true}}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("firstContact");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the proposal is still open").isOne();

        assertThat(post("agent", "/engine-rest/task/" + taskId + "/complete", EXPLANATION + "}}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs(reference);
        assertWaitsForTheDirector(reference);
    }

    @Test
    void variablesPlantedOnTheTaskOverEngineRestAreRefusedAndTheApprovalStays() throws Exception {
        String reference = investigated();
        String taskId = driver.task(reference, "ProposeResolution").getId();

        ResponseEntity<String> planted = post("agent", "/engine-rest/task/" + taskId + "/variables",
                "{\"modifications\":{\"firstContact\":{\"value\":true}}}");
        ResponseEntity<String> single = put("agent", "/engine-rest/task/" + taskId + "/variables/firstContact",
                "{\"value\":true}");

        assertThat(planted.getStatusCode()).as(planted.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(single.getStatusCode()).as(single.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        driver.complete(reference, "ProposeResolution", "agent", EXPLANATION_FIELDS);
        assertWaitsForTheDirector(reference);
    }

    @Test
    void departmentCannotPlantFirstContactFromItsInvestigation() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE",
                "departments", List.of("TECHNICAL")));
        String taskId = driver.task(reference, "InvestigateInDepartment").getId();

        ResponseEntity<String> viaCompletion = post("tech", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"findings\":{\"value\":\"Đã kiểm tra\"},\"firstContact\":{\"value\":true}}}");
        ResponseEntity<String> viaVariables = post("tech", "/engine-rest/task/" + taskId + "/variables",
                "{\"modifications\":{\"firstContact\":{\"value\":true}}}");

        assertThat(viaCompletion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(viaCompletion.getBody()).contains("firstContact");
        assertThat(viaVariables.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        driver.complete(reference, "InvestigateInDepartment", "tech", Map.of("findings", "Đã kiểm tra"));
        driver.complete(reference, "ProposeResolution", "agent", EXPLANATION_FIELDS);
        assertWaitsForTheDirector(reference);
    }

    @Test
    void camundaTasklistCanNeitherPlantAVariableNorCompleteWithOne() throws Exception {
        String reference = investigated();
        String taskId = driver.task(reference, "ProposeResolution").getId();
        StaffSession agent = StaffSession.login(port, "agent", "demo");
        String xsrf = agent.openCamundaTasklist();
        String api = "/camunda/api/engine/engine/default/task/" + taskId;

        var planted = agent.postCamunda(api + "/variables", xsrf,
                "{\"modifications\":{\"firstContact\":{\"value\":true}}}");
        var submitted = agent.postCamunda(api + "/submit-form", xsrf, EXPLANATION + ",\"firstContact\":{\"value\":true}}}");

        assertThat(planted.statusCode()).as(planted.body()).isEqualTo(403);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
        assertThat(submitted.body()).contains("firstContact");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    }

    @Test
    void aTrailingSlashDoesNotGetAnExtraVariablePastTheDoor() throws Exception {
        String reference = investigated();
        String taskId = driver.task(reference, "ProposeResolution").getId();

        ResponseEntity<String> response = post("agent", "/engine-rest/task/" + taskId + "/complete/",
                EXPLANATION + ",\"firstContact\":{\"value\":true}}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    }

    @Test
    void aStaffMemberCannotWithdrawAComplaintByThrowingABpmnErrorFromTheirTask() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        String taskId = driver.task(reference, "AnalyzeComplaint").getId();

        ResponseEntity<String> error = post("agent", "/engine-rest/task/" + taskId + "/bpmnError",
                "{\"errorCode\":\"WITHDRAWN\"}");
        ResponseEntity<String> candidates = post("agent", "/engine-rest/task/" + taskId + "/identity-links",
                "{\"groupId\":\"auditors\",\"type\":\"candidate\"}");

        assertThat(error.getStatusCode()).as(error.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(candidates.getStatusCode()).as(candidates.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(driver.complaint(reference).status().name()).isEqualTo("IN_ANALYSIS");
    }

    @Test
    void theAuthorCannotHoldTheApprovalNorCanAnAssigneeOutsideTheGroupComplete() throws Exception {
        String reference = driver.replied(Category.PROMOTION_TERMS);
        driver.customer(reference, "CustomerAnswered", Map.of("accepts", false, "reason", "Không đồng ý"));
        driver.complete(reference, "ReviewSecondRound", "director", Map.of("rootCause", "Xem lại", "remedy",
                "EXPLANATION", "replyText", "Chúng tôi giữ nguyên giải thích."));
        String taskId = driver.task(reference, "ApproveResolution").getId();

        ResponseEntity<String> ourClaim = post("director", "/api/tasks/" + taskId + "/claim", "");
        ResponseEntity<String> camundaClaim = post("director", "/engine-rest/task/" + taskId + "/claim",
                "{\"userId\":\"director\"}");
        ResponseEntity<String> handedToAgent = post("director2", "/engine-rest/task/" + taskId + "/assignee",
                "{\"userId\":\"agent\"}");
        ResponseEntity<String> agentCompletes = post("agent", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");

        assertThat(ourClaim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(camundaClaim.getStatusCode()).as(camundaClaim.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(handedToAgent.getStatusCode()).as(handedToAgent.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(agentCompletes.getStatusCode()).as(agentCompletes.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(kinds(reference)).doesNotContain("SECOND_REPLY");
    }

    @Test
    void ourApiRefusesAFieldThatIsNotTheTasksNamingIt() throws Exception {
        String reference = investigated();
        String taskId = driver.task(reference, "ProposeResolution").getId();

        ResponseEntity<String> response = post("agent", "/api/tasks/" + taskId + "/complete",
                "{\"rootCause\":\"x\",\"remedy\":\"EXPLANATION\",\"replyText\":\"y\",\"firstContact\":true}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("errors").findValuesAsText("field"))
                .containsExactly("firstContact");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    }

    @Test
    void evenAVariableAnAdministratorWroteDoesNotRouteTheComplaint() throws Exception {
        String reference = investigated();
        String instanceId = driver.instance(reference).getId();

        ResponseEntity<String> planted = post("admin", "/engine-rest/process-instance/" + instanceId + "/variables",
                "{\"modifications\":{\"firstContact\":{\"value\":true}}}");

        assertThat(planted.getStatusCode()).as(planted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.complete(reference, "ProposeResolution", "agent", EXPLANATION_FIELDS);
        assertWaitsForTheDirector(reference);
    }

    @Test
    void aRejectedProposalGoesToTheDirectorAgainWhateverWasPlanted() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(reference, "ProposeResolution", "agent", Map.of("rootCause", "Lỗi", "remedy", "REFUND",
                "amount", 50000, "replyText", "Hoàn tiền."));
        driver.complete(reference, "ApproveResolution", "director", Map.of("decision", "REJECT",
                "comment", "Chỉ cần giải thích"));
        String taskId = driver.task(reference, "ProposeResolution").getId();

        ResponseEntity<String> response = post("agent", "/engine-rest/task/" + taskId + "/complete",
                EXPLANATION + ",\"firstContact\":{\"value\":true}}}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        driver.complete(reference, "ProposeResolution", "agent", EXPLANATION_FIELDS);
        assertWaitsForTheDirector(reference);
    }

    @Test
    void theDirectorWhoWroteTheSecondRoundReplyCannotApproveItThroughAnyDoor() throws Exception {
        String reference = driver.replied(Category.PROMOTION_TERMS);
        driver.customer(reference, "CustomerAnswered", Map.of("accepts", false, "reason", "Không đồng ý"));
        driver.complete(reference, "ReviewSecondRound", "director", Map.of("rootCause", "Xem lại", "remedy",
                "VOUCHER", "amount", 100000, "replyText", "Chúng tôi tặng phiếu quà tặng."));
        String taskId = driver.task(reference, "ApproveResolution").getId();

        ResponseEntity<String> api = post("director", "/api/tasks/" + taskId + "/complete", "{\"decision\":\"APPROVE\"}");
        ResponseEntity<String> engineRest = post("director", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
        StaffSession browser = StaffSession.login(port, "director", "demo");
        String form = browser.get("/tasks/" + taskId).body();

        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(api.getBody()).get("detail").asText()).contains("bốn mắt");
        assertThat(engineRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(form).contains("id=\"four-eyes\"");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(kinds(reference)).doesNotContain("SECOND_REPLY");

        driver.complete(reference, "ApproveResolution", "director2", Map.of("decision", "APPROVE"));
        assertThat(kinds(reference)).contains("SECOND_REPLY");
    }

    private String investigated() {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE",
                "departments", List.of("TECHNICAL")));
        driver.complete(reference, "InvestigateInDepartment", "tech", Map.of("findings", "Đã kiểm tra"));
        return reference;
    }

    private void assertWaitsForTheDirector(String reference) {
        assertThat(driver.task(reference, "ApproveResolution")).as("the director's approval is asked").isNotNull();
        assertThat(kinds(reference)).as("no reply went out").doesNotContain("REPLY");
    }

    private List<String> kinds(String reference) {
        return letters.of(driver.complaint(reference).id()).stream().map(Letters.Letter::kind).toList();
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        return http.exchange(RequestEntity.post(path).headers(headers(user)).body(body), String.class);
    }

    private ResponseEntity<String> put(String user, String path, String body) {
        return http.exchange(RequestEntity.put(path).headers(headers(user)).body(body), String.class);
    }

    private static HttpHeaders headers(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAcceptLanguageAsLocales(List.of(Locale.forLanguageTag("vi")));
        return headers;
    }
}
