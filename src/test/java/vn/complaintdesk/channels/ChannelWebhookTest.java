package vn.complaintdesk.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.SocialNetwork;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/**
 * Chat and social integrations over {@code POST /api/channels/{channel}/messages}, through the real
 * HTTP stack: signed messages open and continue complaints; unsigned, wrongly signed or old ones are
 * refused with 401.
 */
@DeskTest
class ChannelWebhookTest {

    private static final String ZALO_SECRET = "test-zalo-secret";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcessDriver driver;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void assertions() {
        AbstractAssertions.init(engine);
    }

    @Test
    void goodSignatureOpensAComplaintOnTheSocialChannel() throws Exception {
        String body = newComplaint(UUID.randomUUID().toString());

        ResponseEntity<String> response = post("zalo", body, ZALO_SECRET, Instant.now().getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode answer = json.readTree(response.getBody());
        assertThat(answer.get("outcome").asText()).isEqualTo("OPENED_COMPLAINT");
        String ref = answer.get("reference").asText();
        assertThat(ref).matches("KN-\\d{4}-\\d{6}");
        assertThat(answer.get("trackingToken").asText()).isNotBlank();
        assertThat(answer.get("resolutionDueAt").asText()).endsWith("+07:00");
        Complaint complaint = driver.complaint(ref);
        assertThat(complaint.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(complaint.socialNetwork()).isEqualTo(SocialNetwork.ZALO);
        assertThat(complaint.category()).isEqualTo(Category.PAYMENT_DELAY);
        assertThat(complaint.customer().phone()).isEqualTo("+84912345678");
        assertThat(complaint.customer().displayPhone()).isEqualTo("0912345678");
        driver.runJobs(ref);
        assertThat(driver.instance(ref)).isWaitingAt("AnalyzeComplaint");
    }

    @Test
    void theSameMessageDeliveredTwiceOpensOneComplaint() throws Exception {
        String body = newComplaint(UUID.randomUUID().toString());
        long now = Instant.now().getEpochSecond();

        JsonNode first = json.readTree(post("zalo", body, ZALO_SECRET, now).getBody());
        ResponseEntity<String> again = post("zalo", body, ZALO_SECRET, now);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode second = json.readTree(again.getBody());
        assertThat(second.get("reference").asText()).isEqualTo(first.get("reference").asText());
        assertThat(second.get("repeated").asBoolean()).isTrue();
    }

    @Test
    void aRepeatedMessageAfterTheStatusChangedIsAnsweredAsTheFirstTime() throws Exception {
        String body = newComplaint(UUID.randomUUID().toString());
        ResponseEntity<String> first = post("zalo", body, ZALO_SECRET, Instant.now().getEpochSecond());
        JsonNode firstAnswer = json.readTree(first.getBody());
        String ref = firstAnswer.get("reference").asText();
        driver.runJobs(ref);
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "NEED_INFO",
                "questionsForCustomer", "Mã giao dịch là gì?"));
        assertThat(driver.complaint(ref).status().name()).isNotEqualTo(firstAnswer.get("status").asText());

        ResponseEntity<String> again = post("zalo", body, ZALO_SECRET, Instant.now().getEpochSecond());

        assertThat(again.getStatusCode()).isEqualTo(first.getStatusCode());
        ObjectNode repeated = (ObjectNode) json.readTree(again.getBody());
        assertThat(repeated.get("repeated").asBoolean()).isTrue();
        repeated.put("repeated", false);
        assertThat(repeated).isEqualTo(firstAnswer);
    }

    @Test
    void aRepeatedContinuationAfterTheStatusChangedIsAnsweredAsTheFirstTime() throws Exception {
        String ref = waitingForInformation();
        String body = """
                {"messageId":"%s","reference":"%s","customer":{"phone":"0900 000 001"},
                 "text":"Mã giao dịch của tôi là GD-5522."}""".formatted(UUID.randomUUID(), ref);
        JsonNode firstAnswer = json.readTree(post("live-chat", body, "test-live-chat-secret",
                Instant.now().getEpochSecond()).getBody());
        driver.runJobs(ref);
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));

        ResponseEntity<String> again = post("live-chat", body, "test-live-chat-secret", Instant.now().getEpochSecond());

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        ObjectNode repeated = (ObjectNode) json.readTree(again.getBody());
        assertThat(repeated.get("repeated").asBoolean()).isTrue();
        repeated.put("repeated", false);
        assertThat(repeated).isEqualTo(firstAnswer);
        assertThat(firstAnswer.get("outcome").asText()).isEqualTo("INFO_PROVIDED");
    }

    @Test
    void aComplaintByChatIsReceivedWhenTheChannelSignedIt() throws Exception {
        Instant signedAt = Instant.now().minusSeconds(200);

        ResponseEntity<String> response = post("zalo", newComplaint(UUID.randomUUID().toString()), ZALO_SECRET,
                signedAt.getEpochSecond());

        JsonNode answer = json.readTree(response.getBody());
        OffsetDateTime receivedAt = OffsetDateTime.parse(answer.get("receivedAt").asText());
        assertThat(receivedAt.toInstant()).isEqualTo(Instant.ofEpochSecond(signedAt.getEpochSecond()));
        assertThat(OffsetDateTime.parse(answer.get("acknowledgementDueAt").asText()).toInstant())
                .isEqualTo(receivedAt.toInstant().plusSeconds(3600));
        assertThat(driver.complaint(answer.get("reference").asText()).receivedAt().toInstant())
                .isEqualTo(receivedAt.toInstant());
    }

    @Test
    void badSignatureIsRefusedWith401() {
        ResponseEntity<String> response = post("zalo", newComplaint("m-1"), "not-the-secret",
                Instant.now().getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void signatureOlderThanFiveMinutesIsRefusedWith401() {
        ResponseEntity<String> response = post("zalo", newComplaint("m-2"), ZALO_SECRET,
                Instant.now().minusSeconds(301).getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody()).contains("X-Timestamp");
    }

    @Test
    void bodyChangedAfterSigningIsRefusedWith401() {
        long now = Instant.now().getEpochSecond();
        String signed = newComplaint("m-3");
        HttpHeaders headers = headers(now, WebhookSignatures.sign(ZALO_SECRET, String.valueOf(now),
                signed.getBytes(StandardCharsets.UTF_8)));

        ResponseEntity<String> response = http.exchange(RequestEntity.post("/api/channels/zalo/messages")
                .headers(headers).body(signed.replace("0912345678", "0999999999")), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unsignedCallIsRefusedWith401() {
        ResponseEntity<String> response = http.exchange(RequestEntity.post("/api/channels/zalo/messages")
                .contentType(MediaType.APPLICATION_JSON).body(newComplaint("m-4")), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unknownOrUnconfiguredChannelIsAnswered404() {
        long now = Instant.now().getEpochSecond();
        assertThat(post("myspace", newComplaint("m-5"), ZALO_SECRET, now).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("mobile-app", newComplaint("m-6"), ZALO_SECRET, now).getStatusCode())
                .as("no secret configured for mobile-app in the tests").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void invalidNewComplaintIsAnswered400WithTheFields() throws Exception {
        String body = """
                {"messageId":"m-7","category":"NOT_A_CATEGORY","text":"Tiền chưa về"}""";

        ResponseEntity<String> response = post("zalo", body, ZALO_SECRET, Instant.now().getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("category");

        ResponseEntity<String> noCustomer = post("zalo", """
                {"messageId":"m-8","category":"BILLING","text":"Tiền chưa về"}""", ZALO_SECRET,
                Instant.now().getEpochSecond());
        assertThat(noCustomer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noCustomer.getBody()).contains("customer");
    }

    @Test
    void messageWithAReferenceContinuesTheProcessAsTheRequestedInformation() throws Exception {
        String ref = waitingForInformation();

        ResponseEntity<String> response = post("live-chat", """
                {"messageId":"%s","reference":"%s","customer":{"phone":"+84 900 000 001"},
                 "text":"Mã giao dịch của tôi là GD-5521."}""".formatted(UUID.randomUUID(), ref),
                "test-live-chat-secret", Instant.now().getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(response.getBody()).get("outcome").asText()).isEqualTo("INFO_PROVIDED");
        driver.runJobs(ref);
        assertThat(driver.instance(ref)).hasPassed("ReceiveTask_WaitForCustomerInfo").isWaitingAt("AnalyzeComplaint");
    }

    @Test
    void structuredAnswerWithTheTrackingTokenIsDeliveredAsThatEvent() throws Exception {
        String ref = driver.replied(Category.PROMOTION_TERMS);
        String token = driver.complaint(ref).trackingToken();

        ResponseEntity<String> response = post("zalo", """
                {"messageId":"%s","reference":"%s","trackingToken":"%s","event":"CustomerAnswered",
                 "accepts":false,"reason":"Tôi vẫn chưa nhận được thưởng."}""".formatted(UUID.randomUUID(), ref, token),
                ZALO_SECRET, Instant.now().getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(response.getBody()).get("outcome").asText()).isEqualTo("ANSWER_DELIVERED");
        driver.runJobs(ref);
        assertThat(driver.instance(ref)).isWaitingAt("ReviewSecondRound");
    }

    @Test
    void chatAnswerTheDeskCannotReadBecomesTheClassificationTask() throws Exception {
        String ref = driver.replied(Category.PROMOTION_TERMS);

        ResponseEntity<String> response = post("live-chat", """
                {"messageId":"%s","reference":"%s","customer":{"email":"ANH.PHAM@example.vn"},
                 "text":"Để tôi xem lại đã nhé"}""".formatted(UUID.randomUUID(), ref),
                "test-live-chat-secret", Instant.now().getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(response.getBody()).get("outcome").asText()).isEqualTo("TO_CLASSIFY");
        assertThat(driver.instance(ref)).isWaitingAt("ClassifyCustomerReply");
    }

    @Test
    void eventNothingWaitsForIsAnswered409() {
        String ref = waitingForInformation();

        ResponseEntity<String> response = post("zalo", """
                {"messageId":"%s","reference":"%s","customer":{"email":"anh.pham@example.vn"},
                 "event":"SurveyAnswered","rating":5}""".formatted(UUID.randomUUID(), ref),
                ZALO_SECRET, Instant.now().getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE complaint_id = :id")
                .param("id", driver.complaint(ref).id()).query(Long.class).single())
                .as("a refused event leaves nothing behind, so the integration may retry").isZero();
    }

    @Test
    void referenceOfSomeoneElsesComplaintIsAnswered404() {
        String ref = waitingForInformation();

        ResponseEntity<String> response = post("zalo", """
                {"messageId":"%s","reference":"%s","customer":{"phone":"0987654321"},
                 "text":"Tôi đồng ý."}""".formatted(UUID.randomUUID(), ref),
                ZALO_SECRET, Instant.now().getEpochSecond());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(driver.instance(ref)).isWaitingAt("ReceiveTask_WaitForCustomerInfo");
    }

    private String waitingForInformation() {
        String ref = driver.submit(Complaints.submission(Category.TECHNICAL_ERROR, java.time.LocalDate.now().minusDays(1)))
                .reference();
        driver.complete(ref, "AnalyzeComplaint", "agent",
                Map.of("outcome", "NEED_INFO", "questionsForCustomer", "Mã giao dịch là gì?"));
        assertThat(driver.instance(ref)).isWaitingAt("ReceiveTask_WaitForCustomerInfo");
        return ref;
    }

    private static String newComplaint(String messageId) {
        return """
                {"messageId":"%s","category":"PAYMENT_DELAY","subject":"Rút tiền chưa về",
                 "text":"Tôi rút 2.000.000 đ từ hôm kia mà chưa thấy về tài khoản ngân hàng.",
                 "customer":{"name":"Lê Văn Hùng","phone":"0912345678","language":"vi"}}""".formatted(messageId);
    }

    private ResponseEntity<String> post(String channel, String body, String secret, long timestamp) {
        String signature = WebhookSignatures.sign(secret, String.valueOf(timestamp), body.getBytes(StandardCharsets.UTF_8));
        return http.exchange(RequestEntity.post("/api/channels/" + channel + "/messages")
                .headers(headers(timestamp, signature)).body(body.getBytes(StandardCharsets.UTF_8)), String.class);
    }

    private static HttpHeaders headers(long timestamp, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Timestamp", String.valueOf(timestamp));
        headers.set("X-Signature", "sha256=" + signature);
        return headers;
    }
}
