package vn.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.complaintdesk.support.JsonNodes.fieldNames;
import static vn.complaintdesk.support.JsonNodes.values;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/** {@code POST /api/complaints} and {@code GET /api/complaints/{reference}} over HTTP, as the contract says. */
@DeskTest
class IntakeApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<String> INTAKE_FIELDS = List.of("reference", "status", "receivedAt",
            "acknowledgementDueAt", "interimDueAt", "replyDueAt", "resolutionDueAt", "trackingToken");

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired WorkingDayCalendar calendar;
    @Autowired ProcessDriver driver;

    // --- valid intake ---------------------------------------------------------------------------

    @Test
    void validComplaintIsAnswered201WithEveryContractField() throws Exception {
        OffsetDateTime before = OffsetDateTime.now(ZONE).withNano(0).minusSeconds(1);
        ResponseEntity<String> response = post(valid(), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(response.getBody());
        assertThat(fieldNames(body)).containsExactlyInAnyOrderElementsOf(INTAKE_FIELDS);
        INTAKE_FIELDS.forEach(field -> assertThat(body.get(field).isNull()).as(field).isFalse());
        assertThat(body.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(body.get("trackingToken").asText()).hasSizeGreaterThanOrEqualTo(20);
        for (String time : List.of("receivedAt", "acknowledgementDueAt", "interimDueAt", "replyDueAt",
                "resolutionDueAt")) {
            assertThat(body.get(time).asText()).as(time).endsWith("+07:00");
        }

        OffsetDateTime receivedAt = time(body, "receivedAt");
        assertThat(receivedAt).isBetween(before, OffsetDateTime.now(ZONE).plusSeconds(1));
        assertThat(body.get("reference").asText()).matches("KN-\\d{4}-\\d{6}")
                .startsWith("KN-" + receivedAt.getYear() + "-");
        assertThat(time(body, "acknowledgementDueAt")).isEqualTo(receivedAt.plusHours(1));
        assertThat(time(body, "interimDueAt")).isEqualTo(receivedAt.plusHours(24));
        assertThat(time(body, "replyDueAt")).isEqualTo(calendar.addWorkingDays(receivedAt, 7));
        assertThat(time(body, "resolutionDueAt")).isEqualTo(calendar.addWorkingDays(receivedAt, 20));
    }

    @Test
    void eachComplaintGetsItsOwnReferenceAndToken() throws Exception {
        JsonNode first = json.readTree(post(valid(), null).getBody());
        JsonNode second = json.readTree(post(valid(), null).getBody());
        assertThat(second.get("reference").asText()).isNotEqualTo(first.get("reference").asText());
        assertThat(second.get("trackingToken").asText()).isNotEqualTo(first.get("trackingToken").asText());
    }

    @Test
    void aPhoneNumberWithoutEmailIsEnough() throws Exception {
        ObjectNode body = valid();
        ((ObjectNode) body.get("customer")).remove("email");
        ((ObjectNode) body.get("customer")).put("phone", "+84 901 234 567");
        assertThat(post(body, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    // --- invalid intake ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"channel", "category", "subject", "description", "incidentDate", "customer",
            "customer.name"})
    void missingRequiredFieldIsAnswered400NamingIt(String field) throws Exception {
        ObjectNode body = valid();
        remove(body, field);

        ResponseEntity<String> response = post(body, null);

        assertValidationProblem(response);
        assertThat(errorFields(response)).contains(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"subject", "description", "customer.name"})
    void blankRequiredTextIsAnswered400NamingIt(String field) throws Exception {
        ObjectNode body = valid();
        String[] path = field.split("\\.");
        ObjectNode parent = path.length == 1 ? body : (ObjectNode) body.get(path[0]);
        parent.put(path[path.length - 1], "   ");

        ResponseEntity<String> response = post(body, null);

        assertValidationProblem(response);
        assertThat(errorFields(response)).contains(field);
    }

    @Test
    void customerWithNeitherEmailNorPhoneIsAnswered400NamingTheContact() throws Exception {
        ObjectNode body = valid();
        ((ObjectNode) body.get("customer")).remove("email");
        ((ObjectNode) body.get("customer")).remove("phone");

        ResponseEntity<String> response = post(body, null);

        assertValidationProblem(response);
        assertThat(errorFields(response)).anyMatch(f -> f.equals("customer.email") || f.equals("customer.phone"));
    }

    @Test
    void unknownChannelIsAnswered400NamingChannel() throws Exception {
        ObjectNode body = valid();
        body.put("channel", "FAX");

        ResponseEntity<String> response = post(body, null);

        assertValidationProblem(response);
        assertThat(errorFields(response)).containsExactly("channel");
    }

    @Test
    void unknownCategoryIsAnswered400NamingCategory() throws Exception {
        ObjectNode body = valid();
        body.put("category", "LOTTERY");

        ResponseEntity<String> response = post(body, null);

        assertValidationProblem(response);
        assertThat(errorFields(response)).containsExactly("category");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"channel\": \"WEB_FORM\", ", "not json at all", "[1, 2", "{\"incidentDate\": \"yesterday\"}"})
    void malformedJsonIsAnswered400ProblemNever500(String text) {
        ResponseEntity<String> response = postText(text, new HttpHeaders());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void emptyBodyIsAnswered400Problem() {
        ResponseEntity<String> response = postText("", new HttpHeaders());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void incidentDateInTheFutureIsAnswered400() throws Exception {
        ObjectNode body = valid();
        body.put("incidentDate", today().plusDays(1).toString());

        ResponseEntity<String> response = post(body, null);

        assertValidationProblem(response);
        assertThat(errorFields(response)).contains("incidentDate");
    }

    @Test
    void receivedAtFromAnAnonymousCallerIsAnswered400() throws Exception {
        ObjectNode body = valid();
        body.put("channel", "POST");
        body.put("receivedAt", daysAgoAt(2, LocalTime.of(9, 15)).toString());

        ResponseEntity<String> response = post(body, null);

        assertValidationProblem(response);
        assertThat(errorFields(response)).as("a letter is recorded by staff").containsExactly("channel", "receivedAt");
    }

    @Test
    void receivedAtFromStaffForAWebFormIsAnswered400() throws Exception {
        ObjectNode body = valid();
        body.put("receivedAt", daysAgoAt(2, LocalTime.of(9, 15)).toString());

        ResponseEntity<String> response = post(body, null, "agent");

        assertValidationProblem(response);
        assertThat(errorFields(response)).containsExactly("receivedAt");
    }

    @Test
    void receivedAtFromStaffForAPostalComplaintIsKeptAndTheDeadlinesCountFromIt() throws Exception {
        OffsetDateTime receivedAt = daysAgoAt(3, LocalTime.of(9, 15));
        ObjectNode body = valid();
        body.put("channel", "POST");
        body.put("incidentDate", receivedAt.toLocalDate().minusDays(1).toString());
        String sent = receivedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(sent).endsWith(":00+07:00");
        body.put("receivedAt", sent);

        ResponseEntity<String> response = post(body, null, "agent");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode answer = json.readTree(response.getBody());
        assertThat(answer.get("receivedAt").asText()).isEqualTo(sent);
        assertThat(time(answer, "receivedAt")).isEqualTo(receivedAt);
        assertThat(time(answer, "acknowledgementDueAt")).isEqualTo(receivedAt.plusHours(1));
        assertThat(time(answer, "replyDueAt")).isEqualTo(calendar.addWorkingDays(receivedAt, 7));
        assertThat(time(answer, "resolutionDueAt")).isEqualTo(calendar.addWorkingDays(receivedAt, 20));
        assertThat(answer.get("reference").asText()).startsWith("KN-" + receivedAt.getYear() + "-");
    }

    // --- idempotency ------------------------------------------------------------------------------

    @Test
    void retryWithTheSameIdempotencyKeyAndBodyAnswersTheFirst201Again() throws Exception {
        String key = UUID.randomUUID().toString();
        ObjectNode body = valid();

        ResponseEntity<String> first = post(body, key);
        ResponseEntity<String> retry = post(body, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(retry.getBody())).isEqualTo(json.readTree(first.getBody()));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsAnswered409() throws Exception {
        String key = UUID.randomUUID().toString();
        ObjectNode body = valid();
        assertThat(post(body, key).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        body.put("subject", "Một tiêu đề khác");

        ResponseEntity<String> response = post(body, key);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // --- limitation period ------------------------------------------------------------------------

    @Test
    void paymentDelayFiftyDaysOldIsStoredAsTimeBarred() throws Exception {
        ObjectNode body = valid();
        body.put("category", "PAYMENT_DELAY");
        body.put("incidentDate", today().minusDays(50).toString());

        ResponseEntity<String> response = post(body, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode answer = json.readTree(response.getBody());
        assertThat(answer.get("status").asText()).isEqualTo("REJECTED_TIME_BARRED");
        String reference = answer.get("reference").asText();

        driver.runJobs(reference);
        JsonNode stored = json.readTree(getAs("agent", "/api/complaints/" + reference).getBody());
        assertThat(stored.get("status").asText()).isEqualTo("REJECTED_TIME_BARRED");
        assertThat(stored.get("openTasks")).isEmpty();
        assertThat(values(stored.get("letters"), "kind")).contains("REFUSAL");
        assertThat(values(stored.get("notifications"), "type")).contains("REFUSAL");
    }

    @Test
    void paymentDelayOnItsThirtiethDayIsStillInTime() throws Exception {
        ObjectNode body = valid();
        body.put("category", "PAYMENT_DELAY");
        body.put("incidentDate", today().minusDays(30).toString());

        JsonNode answer = json.readTree(post(body, null).getBody());

        assertThat(answer.get("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void paymentDelayThirtyOneDaysOldIsTimeBarred() throws Exception {
        ObjectNode body = valid();
        body.put("category", "PAYMENT_DELAY");
        body.put("incidentDate", today().minusDays(31).toString());

        JsonNode answer = json.readTree(post(body, null).getBody());

        assertThat(answer.get("status").asText()).isEqualTo("REJECTED_TIME_BARRED");
    }

    // --- languages --------------------------------------------------------------------------------

    @Test
    void acceptLanguageEnGivesEnglishMessages() throws Exception {
        ObjectNode body = valid();
        body.remove("subject");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");

        ResponseEntity<String> response = postText(body.toString(), headers);

        assertValidationProblem(response);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("detail").asText()).isEqualTo("Some fields are invalid.");
        assertThat(messageOf(problem, "subject")).isEqualTo("is required");
    }

    @Test
    void withoutAcceptLanguageTheMessagesAreVietnamese() throws Exception {
        ObjectNode body = valid();
        body.remove("subject");

        ResponseEntity<String> response = post(body, null);

        assertValidationProblem(response);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("detail").asText()).isEqualTo("Một số trường không hợp lệ.");
        assertThat(messageOf(problem, "subject")).isEqualTo("là bắt buộc");
    }

    // --- staff view -------------------------------------------------------------------------------

    @Test
    void staffReadTheComplaintWithTheContractsKeys() throws Exception {
        JsonNode answer = json.readTree(post(valid(), null).getBody());
        String reference = answer.get("reference").asText();
        driver.runJobs(reference);

        ResponseEntity<String> response = getAs("agent", "/api/complaints/" + reference);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode complaint = json.readTree(response.getBody());
        assertThat(fieldNames(complaint)).contains("reference", "status", "channel", "category", "priority",
                "subject", "description", "incidentDate", "receivedAt", "customer", "acknowledgementDueAt",
                "interimDueAt", "replyDueAt", "resolutionDueAt", "deadlines", "openTasks", "events",
                "notifications", "letters");
        assertThat(fieldNames(complaint.get("customer"))).contains("name", "email", "phone", "accountId", "tier",
                "language");
        assertThat(complaint.get("reference").asText()).isEqualTo(reference);
        assertThat(complaint.get("status").asText()).isEqualTo("IN_ANALYSIS");
        assertThat(complaint.get("priority").asText()).isEqualTo("NORMAL");
        assertThat(complaint.get("customer").get("tier").asText()).isEqualTo("STANDARD");
        assertThat(complaint.get("customer").get("language").asText()).isEqualTo("vi");
        assertThat(complaint.get("replyDueAt").asText()).isEqualTo(answer.get("replyDueAt").asText());
        assertThat(complaint.get("receivedAt").asText()).isEqualTo(answer.get("receivedAt").asText());

        assertThat(complaint.get("deadlines")).hasSize(4);
        complaint.get("deadlines").forEach(d ->
                assertThat(fieldNames(d)).containsExactlyInAnyOrder("name", "dueAt", "metAt", "met"));
        assertThat(complaint.get("openTasks")).hasSize(1);
        JsonNode task = complaint.get("openTasks").get(0);
        assertThat(fieldNames(task)).contains("id", "taskKey", "assignee", "candidateGroups", "due");
        assertThat(task.get("taskKey").asText()).isEqualTo("AnalyzeComplaint");
        assertThat(values(task.get("candidateGroups"), null)).containsExactly("cs-agents");
        assertThat(complaint.get("events")).isNotEmpty();
        complaint.get("events").forEach(e ->
                assertThat(fieldNames(e)).contains("at", "actor", "type", "detail"));
        assertThat(values(complaint.get("events"), "actor")).contains("customer", "system");
        assertThat(complaint.get("notifications")).isNotEmpty();
        complaint.get("notifications").forEach(n -> assertThat(fieldNames(n)).contains("id", "type", "channel",
                "recipient", "status", "createdAt", "sentAt", "attempts"));
        assertThat(values(complaint.get("notifications"), "type")).contains("ACKNOWLEDGEMENT");
        complaint.get("letters").forEach(l ->
                assertThat(fieldNames(l)).contains("id", "kind", "createdAt", "sha256"));
    }

    @Test
    void unknownReferenceIsAnswered404Problem() {
        ResponseEntity<String> response = getAs("agent", "/api/complaints/KN-1999-999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anonymousCallerMayNotReadAComplaint() throws Exception {
        String reference = json.readTree(post(valid(), null).getBody()).get("reference").asText();

        ResponseEntity<String> response = http.getForEntity("/api/complaints/" + reference, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private ObjectNode valid() {
        ObjectNode body = json.createObjectNode();
        body.put("channel", "WEB_FORM");
        body.put("category", "PROMOTION_TERMS");
        body.put("subject", "Chưa nhận được tiền thưởng khuyến mãi");
        body.put("description", "Tôi đã đủ điều kiện nhưng chưa được cộng thưởng tuần này.");
        // two days back: well inside the limitation period in any zone
        body.put("incidentDate", today().minusDays(2).toString());
        ObjectNode customer = body.putObject("customer");
        customer.put("name", "Phạm Quốc Anh");
        customer.put("email", "anh.pham@example.vn");
        customer.put("language", "vi");
        return body;
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static OffsetDateTime daysAgoAt(int days, LocalTime time) {
        return today().minusDays(days).atTime(time).atZone(ZONE).toOffsetDateTime();
    }

    private static void remove(ObjectNode body, String field) {
        String[] path = field.split("\\.");
        ObjectNode parent = path.length == 1 ? body : (ObjectNode) body.get(path[0]);
        parent.remove(path[path.length - 1]);
    }

    private ResponseEntity<String> post(JsonNode body, String idempotencyKey) {
        return post(body, idempotencyKey, null);
    }

    private ResponseEntity<String> post(JsonNode body, String idempotencyKey, String staffUser) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        if (staffUser != null) {
            headers.setBasicAuth(staffUser, "demo");
        }
        return postText(body.toString(), headers);
    }

    private ResponseEntity<String> postText(String text, HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(RequestEntity.post("/api/complaints").headers(headers).body(text), String.class);
    }

    private ResponseEntity<String> getAs(String user, String path) {
        return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private void assertValidationProblem(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("errors")).isNotEmpty();
    }

    private List<String> errorFields(ResponseEntity<String> response) throws Exception {
        return values(json.readTree(response.getBody()).get("errors"), "field");
    }

    private static String messageOf(JsonNode problem, String field) {
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").asText().equals(field)) {
                return error.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem);
    }

    private static OffsetDateTime time(JsonNode body, String field) {
        return OffsetDateTime.parse(body.get(field).asText());
    }
}
