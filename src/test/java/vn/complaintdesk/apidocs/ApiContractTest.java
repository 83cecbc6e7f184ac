package vn.complaintdesk.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.complaintdesk.security.ClientAddress;
import vn.complaintdesk.channels.WebhookSignatures;
import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.portal.PublicRateLimit;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/**
 * Calls every operation of the committed docs/openapi.json against the running desk, as a client
 * would, and checks each answer (and each well-formed request) against the document: status code
 * documented, content type, body schema. Answers to deliberately wrong requests are checked too.
 */
@DeskTest
class ApiContractTest {

    private static final String ZALO_SECRET = "test-zalo-secret";
    private static final Set<String> CALLED = new ConcurrentSkipListSet<>();
    private static OpenApiInteractionValidator validator;
    private static JsonNode document;

    @Autowired ProcessDriver driver;
    @LocalServerPort int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void readTheCommittedDocument() throws IOException {
        String text = Files.readString(OpenApiDocumentTest.COMMITTED, StandardCharsets.UTF_8);
        document = new ObjectMapper().readTree(text);
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(text).build();
    }

    @AfterAll
    static void everyDocumentedOperationWasCalled() {
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        assertThat(CALLED).as("operations called by this test").containsAll(documented);
    }

    @Test
    void filingAComplaint() {
        String body = Complaints.json("PAYMENT_DELAY", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1)
                .toString());
        String key = UUID.randomUUID().toString();
        Answer filed = call(Call.post("/api/complaints").json(body).header("Idempotency-Key", key));
        assertThat(filed.status).isEqualTo(201);
        assertThat(call(Call.post("/api/complaints").json(body).header("Idempotency-Key", key)).status).isEqualTo(201);
        assertThat(call(Call.post("/api/complaints").json(body.replace("PAYMENT_DELAY", "BILLING"))
                .header("Idempotency-Key", key).invalid()).status).isEqualTo(409);
        Answer invalid = call(Call.post("/api/complaints").json("{\"channel\":\"FAX\"}").invalid());
        assertThat(invalid.status).isEqualTo(400);
        assertThat(invalid.body.path("errors").isArray()).isTrue();
        assertThat(call(Call.post("/api/complaints").json("{not json").invalid()).status).isEqualTo(400);
        assertThat(call(Call.post("/api/complaints").body("text/plain", "Rút tiền chưa về").invalid()).status)
                .isEqualTo(415);
        assertThat(call(Call.post("/api/complaints").json(body).as("agent", "wrong-password").invalid()).status)
                .isEqualTo(401);
        Answer byStaff = call(Call.post("/api/complaints").as("agent", "demo")
                .json(body.replace("WEB_FORM", "HOTLINE")));
        assertThat(byStaff.status).isEqualTo(201);
    }

    @Test
    void readingAComplaintAndItsLetters() {
        String reference = driver.replied(Category.PROMOTION_TERMS);
        Answer complaint = call(Call.get("/api/complaints/{reference}", reference).as("auditor", "demo"));
        assertThat(complaint.status).isEqualTo(200);
        String letter = complaint.body.path("letters").get(0).path("id").asText();
        assertThat(call(Call.get("/api/complaints/{reference}", "KN-1999-000001").as("auditor", "demo")).status)
                .isEqualTo(404);
        assertThat(call(Call.get("/api/complaints/{reference}", reference).invalid()).status).isEqualTo(401);

        assertThat(call(Call.get("/api/complaints/{reference}/letters/{id}", reference, letter).as("auditor", "demo"))
                .status).isEqualTo(200);
        assertThat(call(Call.get("/api/complaints/{reference}/letters/{id}", reference, "999999")
                .as("auditor", "demo")).status).isEqualTo(404);
        assertThat(call(Call.get("/api/complaints/{reference}/letters/{id}", reference, "abc")
                .as("auditor", "demo").invalid()).status).isEqualTo(400);
    }

    @Test
    void customerEventsEnteredByStaff() {
        String reference = driver.replied(Category.PROMOTION_TERMS);
        String path = "/api/complaints/{reference}/events/{message}";
        assertThat(call(Call.post(path, reference, "CustomerAnswered").as("agent", "demo").json("{}").invalid()).status)
                .isEqualTo(400);
        assertThat(call(Call.post(path, reference, "CustomerAnswered").as("auditor", "demo")
                .json("{\"accepts\":true}")).status).isEqualTo(403);
        assertThat(call(Call.post(path, reference, "CustomerLeft").as("agent", "demo").json("{}").invalid()).status)
                .isEqualTo(404);
        assertThat(call(Call.post(path, reference, "CustomerAnswered").as("agent", "demo")
                .json("{\"accepts\":true}")).status).isEqualTo(204);
        assertThat(call(Call.post(path, reference, "CustomerAnswered").as("agent", "demo")
                .json("{\"accepts\":true}")).status).isEqualTo(409);
    }

    @Test
    void mergingADuplicate() {
        String source = driver.submit(Category.DELIVERY).reference();
        String target = driver.submit(Category.DELIVERY).reference();
        String path = "/api/complaints/{reference}/merge-into/{target}";
        assertThat(call(Call.post(path, source, target).as("auditor", "demo")).status).isEqualTo(403);
        assertThat(call(Call.post(path, source, "KN-1999-000001").as("agent", "demo")).status).isEqualTo(404);
        assertThat(call(Call.post(path, source, source).as("agent", "demo")).status).isEqualTo(409);
        assertThat(call(Call.post(path, source, target).as("agent", "demo")).status).isEqualTo(204);
    }

    @Test
    void theCustomersTrackingLink() {
        IntakeAnswer asked = driver.submit(Category.TECHNICAL_ERROR);
        String reference = asked.reference();
        String token = asked.trackingToken();
        Answer tracked = call(Call.get("/api/track/{reference}", reference).token(token));
        assertThat(tracked.status).isEqualTo(200);
        assertThat(call(Call.get("/api/track/{reference}", reference).token("not-the-token")).status).isEqualTo(404);
        assertThat(call(Call.post("/api/track/{reference}/info", reference).token(token)
                .json("{\"information\":\"Mã giao dịch GD-778\"}")).status).isEqualTo(409);

        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "NEED_INFO",
                "questionsForCustomer", "Vui lòng gửi mã giao dịch."));
        assertThat(call(Call.post("/api/track/{reference}/info", reference).token(token).json("{}").invalid()).status)
                .isEqualTo(400);
        assertThat(call(Call.post("/api/track/{reference}/info", reference).token("not-the-token")
                .json("{\"information\":\"GD-778\"}")).status).isEqualTo(404);
        assertThat(call(Call.post("/api/track/{reference}/info", reference).token(token)
                .json("{\"information\":\"Mã giao dịch GD-778, lúc 14:05 ngày 20/11.\"}")).status).isEqualTo(204);

        String replied = driver.replied(Category.PROMOTION_TERMS);
        String repliedToken = driver.complaint(replied).trackingToken();
        Answer view = call(Call.get("/api/track/{reference}", replied).token(repliedToken));
        String letter = view.body.path("letters").get(0).path("id").asText();
        assertThat(call(Call.get("/api/track/{reference}/letters/{id}", replied, letter).token(repliedToken)).status)
                .isEqualTo(200);
        assertThat(call(Call.get("/api/track/{reference}/letters/{id}", replied, letter).token("x")).status)
                .isEqualTo(404);
        assertThat(call(Call.post("/api/track/{reference}/answer", replied).token(repliedToken)
                .json("{\"accepts\":false}").invalid()).status).isEqualTo(400);
        assertThat(call(Call.post("/api/track/{reference}/answer", replied).token("x").json("{\"accepts\":true}"))
                .status).isEqualTo(404);
        assertThat(call(Call.post("/api/track/{reference}/answer", replied).token(repliedToken)
                .json("{\"accepts\":false,\"reason\":\"Số tiền hoàn chưa đủ.\"}")).status).isEqualTo(204);
        assertThat(call(Call.post("/api/track/{reference}/answer", replied).token(repliedToken)
                .json("{\"accepts\":true}")).status).isEqualTo(409);
    }

    @Test
    void theSurvey() {
        String reference = driver.closed(Category.SERVICE_QUALITY);
        String token = driver.complaint(reference).trackingToken();
        String path = "/api/track/{reference}/survey";
        assertThat(call(Call.post(path, reference).token(token).json("{\"rating\":5}")).status).isEqualTo(409);
        driver.fireTimer(reference, "Timer_SurveyDelay");
        assertThat(call(Call.post(path, reference).token(token).json("{\"rating\":9}").invalid()).status)
                .isEqualTo(400);
        assertThat(call(Call.post(path, reference).token("x").json("{\"rating\":5}")).status).isEqualTo(404);
        assertThat(call(Call.post(path, reference).token(token)
                .json("{\"rating\":4,\"comment\":\"Nhân viên hỗ trợ nhiệt tình.\"}")).status).isEqualTo(204);
    }

    @Test
    void workingTasks() {
        String reference = driver.submit(Category.BILLING).reference();
        Answer open = call(Call.get("/api/tasks").query("reference", reference).as("agent", "demo"));
        assertThat(open.status).isEqualTo(200);
        String task = open.body.get(0).path("id").asText();
        assertThat(call(Call.post("/api/tasks/{id}/claim", task).as("tech", "demo")).status).isEqualTo(403);
        assertThat(call(Call.post("/api/tasks/{id}/claim", "no-such-task").as("agent", "demo")).status).isEqualTo(404);
        assertThat(call(Call.post("/api/tasks/{id}/claim", task).as("agent", "demo")).status).isEqualTo(204);
        assertThat(call(Call.post("/api/tasks/{id}/claim", task).as("agent2", "demo")).status).isEqualTo(409);
        assertThat(call(Call.post("/api/tasks/{id}/unclaim", task).as("agent2", "demo")).status).isEqualTo(409);
        assertThat(call(Call.post("/api/tasks/{id}/unclaim", task).as("tech", "demo")).status).isEqualTo(403);
        assertThat(call(Call.post("/api/tasks/{id}/unclaim", "no-such-task").as("agent", "demo")).status)
                .isEqualTo(404);
        assertThat(call(Call.post("/api/tasks/{id}/unclaim", task).as("agent", "demo")).status).isEqualTo(204);

        String complete = "/api/tasks/{id}/complete";
        assertThat(call(Call.post(complete, task).as("agent", "demo").json("{\"outcome\":\"MAYBE\"}").invalid())
                .status).isEqualTo(400);
        assertThat(call(Call.post(complete, task).as("tech", "demo").json("{\"outcome\":\"RESOLVE_NOW\"}")).status)
                .isEqualTo(403);
        assertThat(call(Call.post(complete, "no-such-task").as("agent", "demo").json("{\"outcome\":\"RESOLVE_NOW\"}"))
                .status).isEqualTo(404);
        assertThat(call(Call.post(complete, task).as("agent", "demo")
                .json("{\"outcome\":\"INVESTIGATE\",\"departments\":[\"FINANCE\"],\"notes\":\"Đối soát giao dịch\"}"))
                .status).isEqualTo(204);
        assertThat(call(Call.post(complete, task).as("agent", "demo").json("{\"outcome\":\"RESOLVE_NOW\"}")).status)
                .isEqualTo(409);
        driver.runJobs(reference);

        String investigation = driver.task(reference, "InvestigateInDepartment").getId();
        assertThat(call(Call.post(complete, investigation).as("finance", "demo")
                .json("{\"findings\":\"Giao dịch bị trừ hai lần.\",\"rootCause\":\"Lỗi đối soát\"}")).status)
                .isEqualTo(204);
        driver.runJobs(reference);
        String proposal = driver.task(reference, "ProposeResolution").getId();
        assertThat(call(Call.post(complete, proposal).as("agent", "demo").json("""
                {"rootCause":"Lỗi đối soát","remedy":"REFUND","amount":150000,
                 "replyText":"Chúng tôi đã hoàn 150.000 đ vào tài khoản của anh."}""")).status).isEqualTo(204);
        driver.runJobs(reference);
        String approval = driver.task(reference, "ApproveResolution").getId();
        assertThat(call(Call.post(complete, approval).as("director", "demo").json("{\"decision\":\"APPROVE\"}")).status)
                .isEqualTo(204);
    }

    @Test
    void channelWebhooks() {
        String path = "/api/channels/{channel}/messages";
        String opening = """
                {"messageId":"%s","category":"PAYMENT_DELAY","text":"Tôi rút 2.000.000 đ hai ngày rồi chưa về.",
                 "customer":{"name":"Lê Văn Hùng","phone":"0912345678"}}""".formatted(UUID.randomUUID());
        Answer opened = call(Call.post(path, "zalo").signed(opening));
        assertThat(opened.status).isEqualTo(201);
        String reference = opened.body.path("reference").asText();
        assertThat(call(Call.post(path, "zalo").signed(opening)).status).as("repeated").isEqualTo(201);
        String continuing = """
                {"messageId":"%s","reference":"%s","customer":{"phone":"0912345678"},"text":"Tôi gửi thêm ảnh chụp."}"""
                .formatted(UUID.randomUUID(), reference);
        assertThat(call(Call.post(path, "zalo").signed(continuing)).status).isEqualTo(200);
        String answering = """
                {"messageId":"%s","reference":"%s","customer":{"phone":"0912345678"},"event":"CustomerAnswered",
                 "accepts":true}""".formatted(UUID.randomUUID(), reference);
        assertThat(call(Call.post(path, "zalo").signed(answering)).status).isEqualTo(409);
        assertThat(call(Call.post(path, "zalo").signed("{\"text\":\"thiếu messageId\"}").invalid()).status)
                .isEqualTo(400);
        assertThat(call(Call.post(path, "zalo").json(opening).header("X-Timestamp", "1")
                .header("X-Signature", "sha256=00")).status).isEqualTo(401);
        assertThat(call(Call.post(path, "fax").signed(opening).invalid()).status).isEqualTo(404);
    }

    /** The public rate limit answers before any controller; its answer is checked the same way. */
    @Test
    void overThePublicRateLimit() throws Exception {
        Map<String, Integer> calls = new HashMap<>();
        PublicRateLimit limit = new PublicRateLimit(1, Clock.fixed(Instant.parse("2026-11-23T03:00:10Z"), ZoneOffset.UTC),
                new ClientAddress(List.of()), (client, minute) -> calls.merge(client + "@" + minute, 1, Integer::sum));
        MockHttpServletResponse refused = null;
        for (int i = 0; i < 2; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/complaints");
            request.setRemoteAddr("10.0.0.7");
            refused = new MockHttpServletResponse();
            limit.doFilter(request, refused, new MockFilterChain());
        }
        assertThat(refused.getStatus()).isEqualTo(429);
        ValidationReport report = validator.validateResponse("/api/complaints", Request.Method.POST,
                SimpleResponse.Builder.status(429).withContentType(refused.getContentType())
                        .withHeader("Retry-After", refused.getHeader("Retry-After"))
                        .withBody(refused.getContentAsString(StandardCharsets.UTF_8)).build());
        assertThat(errors(report)).isEmpty();
    }

    private Answer call(Call call) {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.uri()));
        call.headers.forEach(http::header);
        http.method(call.method, call.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(call.body, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response;
        try {
            response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String text = new String(response.body(), contentType != null && contentType.contains("pdf")
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!text.isEmpty()) {
            answer.withBody(text);
        }
        Request.Method method = Request.Method.valueOf(call.method);
        ValidationReport report = call.wellFormed
                ? validator.validate(call.toValidatorRequest(), answer.build())
                : validator.validateResponse(call.path, method, answer.build());
        CALLED.add(call.method + " " + call.template);
        List<String> errors = errors(report);
        if (response.statusCode() == 401 && text.isEmpty()) {
            // The desk's decision: a call without any credentials answers 401 with an empty body.
            errors = errors.stream().filter(error -> !error.startsWith("validation.response.body.missing")).toList();
        }
        assertThat(errors).as("%s %s → %s %s", call.method, call.path, response.statusCode(), text).isEmpty();
        JsonNode body = null;
        if (contentType != null && contentType.contains("json") && !text.isEmpty()) {
            try {
                body = json.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
        return new Answer(response.statusCode(), body);
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }

    private record Answer(int status, JsonNode body) {
    }

    /** One request: its path template (for the coverage check), the filled path, headers and body. */
    private static final class Call {
        final String method;
        final String template;
        final String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        String body;
        boolean wellFormed = true;

        private Call(String method, String template, String... values) {
            this.method = method;
            this.template = template;
            String filled = template;
            for (String value : values) {
                filled = filled.replaceFirst("\\{[^}]+}", value);
            }
            this.path = filled;
        }

        static Call get(String template, String... values) {
            return new Call("GET", template, values);
        }

        static Call post(String template, String... values) {
            return new Call("POST", template, values);
        }

        Call as(String user, String password) {
            return header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        Call token(String token) {
            return query("token", token);
        }

        Call query(String name, String value) {
            query.put(name, value);
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call json(String json) {
            return body("application/json", json);
        }

        Call body(String contentType, String content) {
            this.body = content;
            return header("Content-Type", contentType);
        }

        Call signed(String json) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            return json(json).header("X-Timestamp", timestamp).header("X-Signature",
                    "sha256=" + WebhookSignatures.sign(ZALO_SECRET, timestamp, json.getBytes(StandardCharsets.UTF_8)));
        }

        /** A request the document itself calls wrong: only the answer is checked. */
        Call invalid() {
            wellFormed = false;
            return this;
        }

        String uri() {
            StringBuilder uri = new StringBuilder(path);
            String separator = "?";
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                uri.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
                separator = "&";
            }
            return uri.toString();
        }

        Request toValidatorRequest() {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
            headers.forEach(request::withHeader);
            query.forEach(request::withQueryParam);
            if (body != null) {
                request.withBody(body);
            }
            return request.build();
        }
    }
}
