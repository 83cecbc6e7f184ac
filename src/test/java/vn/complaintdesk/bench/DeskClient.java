package vn.complaintdesk.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A complaint's whole life through the desk's HTTP API, as integrators and staff work it: intake,
 * analysis with first-contact resolution, a refund proposal, the director's approval, the reply
 * letter, the customer's acceptance, lessons learned. Each call's latency goes to the given sink.
 */
final class DeskClient {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final TestRestTemplate http;
    private final Consumer<Long> completions;

    DeskClient(TestRestTemplate http, Consumer<Long> completions) {
        this.http = http;
        this.completions = completions;
    }

    /** Files a complaint of a customer of its own; answers its reference. */
    String intake(String customer) {
        String body = """
                {"channel":"WEB_FORM","category":"PAYMENT_DELAY","subject":"Rút tiền chưa về tài khoản",
                 "description":"Tôi rút tiền hôm qua nhưng chưa thấy về tài khoản ngân hàng.","incidentDate":"%s",
                 "customer":{"name":"Khách %s","email":"%s@example.vn","language":"vi"}}"""
                .formatted(LocalDate.now().minusDays(1), customer, customer);
        ResponseEntity<JsonNode> answer = http.postForEntity("/api/complaints", json(body), JsonNode.class);
        if (answer.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException("intake answered " + answer.getStatusCode());
        }
        return answer.getBody().get("reference").asText();
    }

    static String newCustomer() {
        return "bench-" + UUID.randomUUID();
    }

    void lifecycle(String reference) {
        complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        complete(reference, "ProposeResolution", "agent", Map.of("rootCause", "Ngân hàng xử lý chậm",
                "remedy", "REFUND", "amount", 50_000, "replyText", "Chúng tôi hoàn lại phí và xin lỗi quý khách."));
        complete(reference, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        awaitAccepted(reference);
        complete(reference, "RecordLessonsLearned", "agent", Map.of("lesson", "Theo dõi giao dịch chậm",
                "trainingNeeded", false));
    }

    List<?> taskList(String user) {
        return http.withBasicAuth(user, "demo").getForObject("/api/tasks", List.class);
    }

    private void complete(String reference, String taskKey, String user, Map<String, Object> fields) {
        String id = awaitTask(reference, taskKey, user);
        long t0 = System.nanoTime();
        ResponseEntity<String> done = http.withBasicAuth(user, "demo")
                .postForEntity("/api/tasks/" + id + "/complete", json(fields), String.class);
        completions.accept(System.nanoTime() - t0);
        if (done.getStatusCode() != HttpStatus.NO_CONTENT) {
            throw new IllegalStateException(taskKey + " of " + reference + " answered " + done.getStatusCode());
        }
    }

    private String awaitTask(String reference, String taskKey, String user) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            JsonNode tasks = http.withBasicAuth(user, "demo").getForObject(
                    "/api/tasks?reference={r}&taskKey={k}", JsonNode.class, reference, taskKey);
            if (tasks != null && !tasks.isEmpty()) {
                return tasks.get(0).get("id").asText();
            }
            pause();
        }
        throw new IllegalStateException("no " + taskKey + " for " + reference);
    }

    /** The answer is taken once the letter is out and the process waits for it (409 before). */
    private void awaitAccepted(String reference) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            ResponseEntity<String> answer = http.withBasicAuth("agent", "demo").postForEntity(
                    "/api/complaints/" + reference + "/events/CustomerAnswered", json(Map.of("accepts", true)),
                    String.class);
            if (answer.getStatusCode() == HttpStatus.NO_CONTENT) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("the answer of " + reference + " was never awaited");
    }

    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> HttpEntity<T> json(T body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
