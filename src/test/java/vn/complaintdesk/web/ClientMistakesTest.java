package vn.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.complaintdesk.support.JsonNodes.values;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import vn.complaintdesk.channels.WebhookSignatures;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.RawHttp;

/**
 * Every client mistake is a 4xx problem, as an attacker would try them over HTTP: control
 * characters in fields, file names and ids, absurd dates on pages, wrong media types, oversized
 * bodies, URLs the firewall or Tomcat refuses; and none of them writes an ERROR to the log.
 */
@DeskTest
class ClientMistakesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcessDriver driver;
    @LocalServerPort int port;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void watchTheLog() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void noErrorWasLogged() {
        root().detachAppender(log);
        assertThat(log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage)).as("ERROR lines for a client's mistake").isEmpty();
    }

    // --- control characters ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"subject", "description", "customer.name", "customer.accountId", "customer.phone"})
    void aNulInAnIntakeFieldIsRefusedNamingIt(String field) throws Exception {
        ObjectNode body = valid();
        String[] path = field.split("\\.");
        ObjectNode holder = path.length == 1 ? body : (ObjectNode) body.get(path[0]);
        String name = path[path.length - 1];
        holder.put(name, (holder.hasNonNull(name) ? holder.get(name).asText() : "0912") + "\u0000x");

        assertInvalid(postJson("/api/complaints", body.toString()), field);
    }

    @Test
    void aLineBreakInTheSubjectIsRefusedButTheDescriptionKeepsTabsAndLineBreaks() throws Exception {
        ObjectNode body = valid();
        body.put("subject", "Nạp tiền\r\nSet-Cookie: x");
        assertInvalid(postJson("/api/complaints", body.toString()), "subject");

        ObjectNode multiLine = valid();
        multiLine.put("description", "Bước 1:\tnạp tiền\r\nBước 2:\tkhông thấy số dư");
        assertThat(postJson("/api/complaints", multiLine.toString()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aNulInTheCustomersInformationIsRefusedNamingIt() throws Exception {
        JsonNode created = json.readTree(postJson("/api/complaints", valid().toString()).getBody());
        String path = "/api/track/" + created.get("reference").asText() + "/info?token="
                + created.get("trackingToken").asText();

        assertInvalid(postJson(path, "{\"information\":\"GD-778\\u0000\"}"), "information");
    }

    @Test
    void aNulInATrackingTokenIsRefusedAsABadParameter() {
        ResponseEntity<String> answer = http.getForEntity("/api/track/KN-2026-000001?token={t}", String.class,
                "abc\u0000def");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.getBody()).contains("\"field\":\"token\"");
    }

    @Test
    void aNulInAChatMessageIsRefusedNamingTheField() throws Exception {
        String body = """
                {"messageId":"nul-1-%s","category":"BILLING","subject":"Phí\\u0000","text":"Bị trừ phí hai lần",
                 "customer":{"name":"Lê Văn Hùng","phone":"0912345678"}}""".formatted(System.nanoTime());
        long now = Instant.now().getEpochSecond();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Timestamp", String.valueOf(now));
        headers.set("X-Signature", "sha256=" + WebhookSignatures.sign("test-zalo-secret", String.valueOf(now),
                body.getBytes(StandardCharsets.UTF_8)));

        assertInvalid(http.postForEntity("/api/channels/zalo/messages",
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class), "subject");
    }

    @Test
    void thePortalFormShowsANulInTheSubjectNextToTheField() throws Exception {
        PortalForm form = PortalForm.open(port);

        HttpResponse<String> page = form.post(Map.of("subject", "Nạp tiền\u0000"), "a.txt", "xin chào");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"error-subject\"");
    }

    @Test
    void thePortalFormShowsAControlCharacterInAFileNameNextToTheAttachments() throws Exception {
        PortalForm form = PortalForm.open(port);

        HttpResponse<String> page = form.post(Map.of(), "bao\u0007cao.txt", "xin chào");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"error-attachments\"").doesNotContain("id=\"error-subject\"");
    }

    @Test
    void aNulInAFileNameWhichTomcatCannotParseIsA400NamingTheAttachments() throws Exception {
        PortalForm form = PortalForm.open(port);

        HttpResponse<String> page = form.post(Map.of(), "bao\u0000cao.txt", "xin chào");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"error-message\"", "bao cao.txt");
    }

    @Test
    void aLineBreakInTheTaskIdOfACamundaFormLinkIsRefused() {
        ResponseEntity<String> answer = http.withBasicAuth("agent", "demo")
                .getForEntity("/forms/AnalyzeComplaint?taskId={id}", String.class, "abc\r\nSet-Cookie: x=1");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getLocation()).isNull();
        assertThat(answer.getBody()).contains("taskId");
    }

    // --- absurd dates on pages -------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard?from=-999999999-01-01", "/dashboard?to=%2B999999999-12-31",
            "/dashboard?from=2026-02-30", "/audit/complaints?from=-999999999-01-01",
            "/audit/complaints.csv?to=%2B999999999-12-31", "/processes/complaint-handling/waiting?from=1900-01-01",
            "/dashboard?from=2026-05-01&to=2026-04-01"})
    void anAbsurdDateOnAPageIsAnErrorPageWithTheMessage(String path) {
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> answer = http.withBasicAuth("director", "demo")
                .exchange(URI.create("http://localhost:" + port + path), HttpMethod.GET, new HttpEntity<>(browser),
                        String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("id=\"error-message\"").containsPattern("«(from|to)»|YYYY-MM-DD");
    }

    // --- media types and sizes -------------------------------------------------------------

    @Test
    void aBodyThatIsNotJsonIsA415Problem() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        assertProblem(http.postForEntity("/api/complaints", new HttpEntity<>("hello", headers), String.class),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void anAcceptHeaderTheApiCannotAnswerIsA406Problem() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.valueOf("text/csv")));
        assertProblem(http.postForEntity("/api/complaints", new HttpEntity<>(valid().toString(), headers),
                String.class), HttpStatus.NOT_ACCEPTABLE);
    }

    @Test
    void aJsonBodyOverAMegabyteIsA413Problem() throws Exception {
        ObjectNode body = valid();
        body.put("description", "x".repeat(1_100_000));
        assertProblem(postJson("/api/complaints", body.toString()), HttpStatus.PAYLOAD_TOO_LARGE);
    }

    // --- URLs refused before our code ------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api//track/KN-2026-000001?token=x", "/api/track/KN-2026-000001;x=y?token=x",
            "/api/track/%2e%2e/complaints", "/api/track/a%2Fb?token=x", "/api/track/a%00b?token=x",
            "/api/track/%zz?token=x", "/api/track/a|b?token=x", "/api/complaints/%C3%28"})
    void aUrlTheFirewallOrTomcatRefusesIsA400ProblemWithADetail(String target) throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "GET", target, "", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).get("detail").asText()).isNotBlank();
    }

    @Test
    void aControlCharacterInAHeaderIsA400Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/api/track/KN-2026-000001?token=x", "X-Note: a\u0001b\r\n",
                null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    // --- the engine's REST API -------------------------------------------------------------

    @Test
    void aCompletionTheTaskRulesRefuseIs400WithoutAnErrorInTheLog() {
        String ref = driver.submit(vn.complaintdesk.support.Complaints.promotionQuestion(LocalDate.now(ZONE)
                .minusDays(1))).reference();
        String taskId = driver.task(ref, "AnalyzeComplaint").getId();

        ResponseEntity<String> refused = http.withBasicAuth("agent", "demo").postForEntity(
                "/engine-rest/task/" + taskId + "/complete", jsonEntity("{\"variables\":{\"outcome\":{\"value\":\"NOPE\"}}}"),
                String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("outcome");
        assertThat(driver.task(ref, "AnalyzeComplaint")).isNotNull();
    }

    @Test
    void completingATaskThatNeverExistedIs404() {
        ResponseEntity<String> refused = http.withBasicAuth("agent", "demo").postForEntity(
                "/engine-rest/task/no-such-task/complete", jsonEntity("{}"), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // --- helpers ---------------------------------------------------------------------------

    private ObjectNode valid() throws IOException {
        return (ObjectNode) json.readTree("""
                {"channel":"WEB_FORM","category":"PAYMENT_DELAY","subject":"Rút tiền chưa về",
                 "description":"Lệnh rút hôm qua chưa về tài khoản.","incidentDate":"%s",
                 "customer":{"name":"Phạm Quốc Anh","email":"anh.pham@example.vn","accountId":"ACC-9","language":"vi"}}"""
                .formatted(LocalDate.now(ZONE).minusDays(1)));
    }

    private ResponseEntity<String> postJson(String path, String body) {
        return http.postForEntity(path, jsonEntity(body), String.class);
    }

    private static HttpEntity<String> jsonEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private void assertInvalid(ResponseEntity<String> response, String field) throws Exception {
        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(values(json.readTree(response.getBody()).get("errors"), "field")).contains(field);
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(response.getHeaders().getContentType())).isTrue();
        assertThat(json.readTree(response.getBody()).get("detail").asText()).isNotBlank();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The public form as a browser fills it: the session and CSRF token of the page, then a multipart POST. */
    record PortalForm(HttpClient client, String base, String csrf) {

        static PortalForm open(int port) throws Exception {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://localhost:" + port;
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/complaint")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(page);
            assertThat(csrf.find()).as("CSRF token on /complaint").isTrue();
            return new PortalForm(client, base, csrf.group(1));
        }

        HttpResponse<String> post(Map<String, String> overrides, String filename, String fileText) throws Exception {
            Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("_csrf", csrf, "category", "BILLING",
                    "subject", "Bị tính phí hai lần", "description", "Tháng này bị trừ phí hai lần.",
                    "incidentDate", LocalDate.now(ZONE).minusDays(1).toString(), "customer.name", "Đặng Thu Hà",
                    "customer.email", "thu.ha@example.vn"));
            fields.putAll(overrides);
            String boundary = "----desk" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
                    + filename + "\"\r\nContent-Type: text/plain\r\n\r\n" + fileText + "\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            return client.send(HttpRequest.newBuilder(URI.create(base + "/complaint"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
