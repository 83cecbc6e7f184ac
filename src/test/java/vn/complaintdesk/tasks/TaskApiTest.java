package vn.complaintdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.complaintdesk.support.JsonNodes.fieldNames;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/** The staff task API ({@code /api/tasks...}) over HTTP, and {@code /engine-rest} obeying the same field rules. */
@DeskTest
class TaskApiTest {

    private static final String RESOLVE_NOW = "{\"outcome\":\"RESOLVE_NOW\"}";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    // --- the task list ---------------------------------------------------------------------------

    @Test
    void agentSeesTheOpenAnalyzeComplaintOfANewComplaint() throws Exception {
        JsonNode intake = submitOverHttp();
        String reference = intake.get("reference").asText();
        driver.runJobs(reference);

        ResponseEntity<String> response = get("agent", "/api/tasks?reference=" + reference);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode tasks = json.readTree(response.getBody());
        assertThat(tasks.isArray()).isTrue();
        assertThat(tasks).hasSize(1);
        JsonNode task = tasks.get(0);
        assertThat(fieldNames(task)).containsExactlyInAnyOrder("id", "taskKey", "name", "reference", "created",
                "due", "assignee");
        assertThat(task.get("taskKey").asText()).isEqualTo("AnalyzeComplaint");
        assertThat(task.get("reference").asText()).isEqualTo(reference);
        assertThat(task.get("name").asText()).isNotBlank();
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(task.get("created").asText()).endsWith("+07:00");
        assertThat(task.get("due").asText()).endsWith("+07:00");
        assertThat(OffsetDateTime.parse(task.get("due").asText()))
                .as("the task is due by the reply deadline")
                .isEqualTo(OffsetDateTime.parse(intake.get("replyDueAt").asText()));
    }

    @Test
    void taskListFiltersByTaskKey() throws Exception {
        String reference = driver.submit(Category.SERVICE_QUALITY).reference();

        assertThat(tasks("agent", "/api/tasks?reference=" + reference + "&taskKey=AnalyzeComplaint")).hasSize(1);
        assertThat(tasks("agent", "/api/tasks?reference=" + reference + "&taskKey=ProposeResolution")).isEmpty();
    }

    @Test
    void anotherGroupDoesNotSeeTheTaskAndMayNotWorkIt() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        String taskId = analyzeTaskId(reference);

        assertThat(tasks("tech", "/api/tasks?reference=" + reference)).isEmpty();
        assertProblem(post("tech", "/api/tasks/" + taskId + "/claim", null), HttpStatus.FORBIDDEN);
        assertProblem(post("tech", "/api/tasks/" + taskId + "/complete", RESOLVE_NOW), HttpStatus.FORBIDDEN);
        assertProblem(post("tech", "/api/tasks/" + taskId + "/unclaim", null), HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void anonymousCallerGets401() {
        assertThat(http.getForEntity("/api/tasks", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // --- claim and unclaim -------------------------------------------------------------------------

    @Test
    void claimedTaskIsHeldAgainstAColleagueUntilUnclaimed() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        String taskId = analyzeTaskId(reference);

        assertThat(post("agent", "/api/tasks/" + taskId + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(assignee(taskId)).isEqualTo("agent");
        assertThat(post("agent", "/api/tasks/" + taskId + "/claim", null).getStatusCode())
                .as("claiming one's own task again").isEqualTo(HttpStatus.NO_CONTENT);

        JsonNode agentsView = tasks("agent", "/api/tasks?reference=" + reference);
        assertThat(agentsView).hasSize(1);
        assertThat(agentsView.get(0).get("assignee").asText()).isEqualTo("agent");
        assertThat(tasks("agent2", "/api/tasks?reference=" + reference)).as("held by a colleague").isEmpty();

        assertProblem(post("agent2", "/api/tasks/" + taskId + "/claim", null), HttpStatus.CONFLICT);
        assertProblem(post("agent2", "/api/tasks/" + taskId + "/complete", RESOLVE_NOW), HttpStatus.CONFLICT);
        assertProblem(post("agent2", "/api/tasks/" + taskId + "/unclaim", null), HttpStatus.CONFLICT);
        assertThat(assignee(taskId)).isEqualTo("agent");

        assertThat(post("agent", "/api/tasks/" + taskId + "/unclaim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(assignee(taskId)).isNull();
        assertThat(tasks("agent2", "/api/tasks?reference=" + reference)).hasSize(1);
        assertThat(post("agent2", "/api/tasks/" + taskId + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(assignee(taskId)).isEqualTo("agent2");
    }

    // --- complete ----------------------------------------------------------------------------------

    @Test
    void completingWithInvalidFieldsIsAnswered400ListingThem() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        String taskId = analyzeTaskId(reference);
        String path = "/api/tasks/" + taskId + "/complete";

        assertThat(errorFields(post("agent", path, "{}"))).containsExactly("outcome");
        assertThat(errorFields(post("agent", path, "{\"outcome\":\"MAYBE\"}"))).containsExactly("outcome");
        assertThat(errorFields(post("agent", path, "{\"outcome\":\"INVESTIGATE\"}"))).containsExactly("departments");
        assertThat(errorFields(post("agent", path, "{\"outcome\":\"INVESTIGATE\",\"departments\":[\"LEGAL\"]}")))
                .containsExactly("departments");
        assertThat(errorFields(post("agent", path,
                "{\"outcome\":\"NEED_INFO\",\"notes\":\"" + "x".repeat(4001) + "\"}")))
                .containsExactlyInAnyOrder("questionsForCustomer", "notes");

        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task is still open").isOne();
        assertThat(assignee(taskId)).as("a refused completion claims nothing").isNull();
    }

    @Test
    void completingTwiceIsAnswered409TheSecondTime() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        String taskId = analyzeTaskId(reference);
        assertThat(post("agent", "/api/tasks/" + taskId + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(post("agent", "/api/tasks/" + taskId + "/complete", RESOLVE_NOW).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertProblem(post("agent", "/api/tasks/" + taskId + "/complete", RESOLVE_NOW), HttpStatus.CONFLICT);
        assertProblem(post("agent", "/api/tasks/" + taskId + "/claim", null), HttpStatus.CONFLICT);
        assertProblem(post("agent", "/api/tasks/" + taskId + "/unclaim", null), HttpStatus.CONFLICT);
        driver.runJobs(reference);
        assertThat(driver.task(reference, "ProposeResolution")).isNotNull();
    }

    @Test
    void unknownTaskIdIsAnswered404() throws Exception {
        String unknown = "no-such-task-" + System.nanoTime();
        assertProblem(post("agent", "/api/tasks/" + unknown + "/claim", null), HttpStatus.NOT_FOUND);
        assertProblem(post("agent", "/api/tasks/" + unknown + "/unclaim", null), HttpStatus.NOT_FOUND);
        assertProblem(post("agent", "/api/tasks/" + unknown + "/complete", RESOLVE_NOW), HttpStatus.NOT_FOUND);
    }

    @Test
    void completingAnUnclaimedCandidateTaskClaimsItFirst() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        String taskId = analyzeTaskId(reference);
        assertThat(assignee(taskId)).isNull();

        assertThat(post("agent2", "/api/tasks/" + taskId + "/complete", RESOLVE_NOW).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getAssignee()).isEqualTo("agent2");
    }

    // --- customer events entered by staff ----------------------------------------------------------

    @Test
    void customerAnsweredWhileNothingWaitsIsAnswered409() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();

        ResponseEntity<String> response = post("agent", "/api/complaints/" + reference + "/events/CustomerAnswered",
                "{\"accepts\":true}");

        assertProblem(response, HttpStatus.CONFLICT);
        assertThat(driver.task(reference, "AnalyzeComplaint")).as("the complaint is untouched").isNotNull();
    }

    // --- /engine-rest obeys the same rules ---------------------------------------------------------

    @Test
    void engineRestCompletionWithoutTheRequiredFieldsIsRefused() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        String taskId = analyzeTaskId(reference);

        ResponseEntity<String> response = post("agent", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("outcome");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task still exists").isOne();
    }

    @Test
    void engineRestCompletionWithAnInvalidOutcomeIsRefused() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        String taskId = analyzeTaskId(reference);

        ResponseEntity<String> response = post("agent", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"MAYBE\"}}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("outcome");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    }

    @Test
    void engineRestCompletionWithTheRequiredFieldsMovesTheProcessOn() throws Exception {
        String reference = driver.submit(Category.PROMOTION_TERMS).reference();
        String taskId = analyzeTaskId(reference);

        ResponseEntity<String> response = post("agent", "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"RESOLVE_NOW\"}}}");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs(reference);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(driver.task(reference, "ProposeResolution")).isNotNull();
        assertThat(driver.complaint(reference).status().name()).isEqualTo("IN_RESOLUTION");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private JsonNode submitOverHttp() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange(RequestEntity.post("/api/complaints").headers(headers)
                .body(Complaints.json("PROMOTION_TERMS",
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(2).toString())),
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody());
    }

    private String analyzeTaskId(String reference) {
        return driver.task(reference, "AnalyzeComplaint").getId();
    }

    private String assignee(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private JsonNode tasks(String user, String path) throws Exception {
        ResponseEntity<String> response = get(user, path);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(RequestEntity.post(path).headers(headers).body(body == null ? "" : body), String.class);
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private List<String> errorFields(ResponseEntity<String> response) throws Exception {
        assertProblem(response, HttpStatus.BAD_REQUEST);
        List<String> fields = new ArrayList<>();
        json.readTree(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
