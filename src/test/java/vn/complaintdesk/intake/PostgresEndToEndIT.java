package vn.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.support.MailParts;
import vn.complaintdesk.support.TestSmtpServer;

/** The first complaint end to end through HTTP, on a real PostgreSQL with Flyway and Camunda schemas. */
@DeskIntegrationTest
class PostgresEndToEndIT {

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired HistoryService historyService;

    @Test
    void runsOnPostgresql() {
        String product = jdbc.sql("SELECT version()").query(String.class).single();
        assertThat(product).startsWith("PostgreSQL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void complaintSubmittedThroughTheApiIsAnalysedByTheAgent() throws Exception {
        ResponseEntity<Map> created = submit(Complaints.json("TECHNICAL_ERROR", LocalDate.now().minusDays(2).toString()));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) created.getBody().get("reference");
        assertThat(reference).matches("KN-\\d{4}-\\d{6}");

        Map<String, Object> task = awaitTask(reference, "AnalyzeComplaint");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> invalid = http.withBasicAuth("agent", "demo").postForEntity(
                "/api/tasks/" + task.get("id") + "/complete", new HttpEntity<>("{\"outcome\":\"MAYBE\"}", json),
                String.class);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType().toString()).contains("problem+json");

        ResponseEntity<String> done = http.withBasicAuth("agent", "demo").postForEntity(
                "/api/tasks/" + task.get("id") + "/complete", new HttpEntity<>("{\"outcome\":\"RESOLVE_NOW\"}", json),
                String.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("AnalyzeComplaint")
                .finished().list()).anySatisfy(a -> assertThat(historyService.createHistoricProcessInstanceQuery()
                        .processInstanceId(a.getProcessInstanceId()).singleResult().getBusinessKey())
                        .isEqualTo(reference));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTimeBarredComplaintsPdfLetterIsStoredAndMailedOnPostgresql() throws Exception {
        ResponseEntity<Map> created = submit(Complaints.json("PAYMENT_DELAY", LocalDate.now().minusDays(60).toString()));
        String reference = (String) created.getBody().get("reference");
        String token = (String) created.getBody().get("trackingToken");

        Map<String, Object> complaint = awaitComplaint(reference, c -> !((List<?>) c.get("letters")).isEmpty()
                && ((List<Map<String, Object>>) c.get("notifications")).stream()
                        .allMatch(n -> "SENT".equals(n.get("status"))));
        Map<String, Object> letter = ((List<Map<String, Object>>) complaint.get("letters")).get(0);
        assertThat(letter.get("kind")).isEqualTo("REFUSAL");
        String sha256 = (String) letter.get("sha256");

        ResponseEntity<byte[]> staff = http.withBasicAuth("agent", "demo")
                .getForEntity("/api/complaints/" + reference + "/letters/" + letter.get("id"), byte[].class);
        assertThat(staff.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(sha256(staff.getBody())).isEqualTo(sha256);
        ResponseEntity<byte[]> customer = http.getForEntity(
                "/api/track/" + reference + "/letters/" + letter.get("id") + "?token=" + token, byte[].class);
        assertThat(customer.getBody()).isEqualTo(staff.getBody());

        List<jakarta.mail.internet.MimeMessage> mails = TestSmtpServer.about(reference);
        assertThat(mails).hasSize(1);
        MailParts mail = MailParts.of(mails.get(0));
        assertThat(mail.subject()).isEqualTo("[" + reference + "] Khiếu nại của Quý khách không được thụ lý");
        assertThat(mail.text()).contains("/track/" + reference + "?token=" + token);
        assertThat(mail.attachments()).singleElement()
                .satisfies(file -> assertThat(sha256(file.content())).isEqualTo(sha256));
    }

    @Test
    @SuppressWarnings("unchecked")
    void fiftyComplaintsSubmittedInParallelGetFiftyDistinctReferences() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            String body = Complaints.json("DELIVERY", LocalDate.now().minusDays(1).toString());
            List<Callable<String>> calls = java.util.stream.IntStream.range(0, 50)
                    .mapToObj(i -> (Callable<String>) () -> (String) submit(body).getBody().get("reference"))
                    .toList();
            List<String> references = new java.util.ArrayList<>();
            for (Future<String> future : pool.invokeAll(calls)) {
                references.add(future.get());
            }
            assertThat(references).doesNotContainNull().doesNotHaveDuplicates().hasSize(50);
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> submit(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/complaints", new HttpEntity<>(body, headers), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitComplaint(String reference, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> complaint = null;
        while (System.nanoTime() < end) {
            complaint = http.withBasicAuth("agent", "demo").getForObject("/api/complaints/" + reference, Map.class);
            if (done.test(complaint)) {
                return complaint;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("complaint " + reference + " never got there: " + complaint);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitTask(String reference, String taskKey) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            List<Map<String, Object>> tasks = http.withBasicAuth("agent", "demo")
                    .getForObject("/api/tasks?reference=" + reference + "&taskKey=" + taskKey, List.class);
            if (!tasks.isEmpty()) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + taskKey + " task for " + reference);
    }
}
