package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.complaintdesk.support.JsonNodes.fieldNames;
import static vn.complaintdesk.support.JsonNodes.values;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

/** The customer's tracking API: an unguessable token per complaint, nothing internal, 404 for a bad token. */
@DeskTest
class TrackingApiTest {

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcessDriver driver;

    @Test
    void trackingWithTheIntakeTokenShowsStatusAndDeadlinesButNothingInternal() throws Exception {
        JsonNode intake = submit();
        String reference = intake.get("reference").asText();
        driver.runJobs(reference);

        ResponseEntity<String> response = track(reference, intake.get("trackingToken").asText());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode view = json.readTree(response.getBody());
        assertThat(view.get("reference").asText()).isEqualTo(reference);
        assertThat(view.get("status").asText()).isEqualTo("IN_ANALYSIS");
        for (String deadline : List.of("acknowledgementDueAt", "interimDueAt", "replyDueAt", "resolutionDueAt")) {
            assertThat(view.get(deadline).asText()).as(deadline).isEqualTo(intake.get(deadline).asText());
        }
        assertThat(view.get("deadlines")).hasSize(4);
        assertThat(view.has("letters")).isTrue();
        assertThat(fieldNames(view)).doesNotContain("events", "notifications", "openTasks", "description",
                "priority", "trackingToken");
        assertThat(response.getBody()).doesNotContain(intake.get("trackingToken").asText());
    }

    @Test
    void wrongTokenIsAnswered404() throws Exception {
        String reference = submit().get("reference").asText();

        assertNotFound(track(reference, "not-the-token"));
    }

    @Test
    void missingTokenIsAnswered404() throws Exception {
        String reference = submit().get("reference").asText();

        assertNotFound(http.getForEntity("/api/track/" + reference, String.class));
        assertNotFound(http.getForEntity("/api/track/" + reference + "?token=", String.class));
    }

    @Test
    void anotherComplaintsTokenIsAnswered404() throws Exception {
        JsonNode mine = submit();
        JsonNode theirs = submit();

        assertNotFound(track(mine.get("reference").asText(), theirs.get("trackingToken").asText()));
    }

    @Test
    void unknownReferenceIsAnswered404() throws Exception {
        JsonNode mine = submit();

        assertNotFound(track("KN-1999-999999", mine.get("trackingToken").asText()));
    }

    @Test
    void answerWhileNothingWaitsIsAnswered409() throws Exception {
        JsonNode intake = submit();
        String reference = intake.get("reference").asText();
        driver.runJobs(reference);

        ResponseEntity<String> response = answer(reference, intake.get("trackingToken").asText(),
                "{\"accepts\":true}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answerWithABadTokenIsAnswered404() throws Exception {
        String reference = driver.replied(Category.PROMOTION_TERMS);

        assertNotFound(answer(reference, "not-the-token", "{\"accepts\":true}"));
        assertThat(waitingFor(reference, token(reference))).contains("CustomerAnswered");
    }

    @Test
    void customerAcceptsTheReplyOnceAndASecondAnswerIsAnswered409() throws Exception {
        String reference = driver.replied(Category.PROMOTION_TERMS);
        String token = token(reference);
        JsonNode before = json.readTree(track(reference, token).getBody());
        assertThat(before.get("status").asText()).isEqualTo("REPLIED");
        assertThat(values(before.get("waitingFor"))).contains("CustomerAnswered");
        assertThat(values(before.get("letters"), "kind")).contains("REPLY");

        ResponseEntity<String> first = answer(reference, token, "{\"accepts\":true}");

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        driver.runJobs(reference);
        JsonNode after = json.readTree(track(reference, token).getBody());
        assertThat(after.get("status").asText()).isEqualTo("CLOSING");
        assertThat(values(after.get("waitingFor"))).doesNotContain("CustomerAnswered");

        ResponseEntity<String> second = answer(reference, token, "{\"accepts\":true}");

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rejectionWithoutAReasonIsAnswered400AndTheAnswerIsStillAwaited() throws Exception {
        String reference = driver.replied(Category.PROMOTION_TERMS);
        String token = token(reference);

        ResponseEntity<String> response = answer(reference, token, "{\"accepts\":false}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> fields = new ArrayList<>();
        json.readTree(response.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("reason");
        assertThat(waitingFor(reference, token)).contains("CustomerAnswered");
        assertThat(driver.complaint(reference).status().name()).isEqualTo("REPLIED");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private JsonNode submit() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String incidentDate = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(2).toString();
        ResponseEntity<String> response = http.exchange(RequestEntity.post("/api/complaints").headers(headers)
                .body(Complaints.json("PROMOTION_TERMS", incidentDate)), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody());
    }

    private String token(String reference) {
        return driver.complaint(reference).trackingToken();
    }

    private ResponseEntity<String> track(String reference, String token) {
        return http.getForEntity("/api/track/{reference}?token={token}", String.class, reference, token);
    }

    private List<String> waitingFor(String reference, String token) throws Exception {
        return values(json.readTree(track(reference, token).getBody()).get("waitingFor"));
    }

    private ResponseEntity<String> answer(String reference, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(RequestEntity.post("/api/track/{reference}/answer?token={token}", reference, token)
                .headers(headers).body(body), String.class);
    }

    private static void assertNotFound(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
