package vn.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.complaintdesk.support.DeskIntegrationTest;

/**
 * A complaint walks the contract's path through HTTP only, on PostgreSQL with the real job
 * executor: intake, analysis, investigation, proposal, director's approval, reply, the customer's
 * rejection, second round, acceptance through the tracking API, lessons learned, CLOSED.
 */
@DeskIntegrationTest
class HttpFullPathIT {

    @Autowired TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void complaintRunsThroughTheWholeProcedureByHttp() throws Exception {
        Map<String, Object> created = http.withBasicAuth("agent", "demo").postForObject("/api/complaints", json("""
                {"channel":"HOTLINE","category":"PAYMENT_DELAY","subject":"Rút tiền chưa về",
                 "description":"Lệnh rút 2.000.000 VND chưa về tài khoản.","incidentDate":"%s",
                 "customer":{"name":"Trần Thị Bích","phone":"+84911222333","tier":"LOYAL"}}"""
                .formatted(LocalDate.now().minusDays(3))), Map.class);
        String ref = (String) created.get("reference");
        String token = (String) created.get("trackingToken");

        complete("agent", task(ref, "AnalyzeComplaint", "agent"), """
                {"outcome":"INVESTIGATE","departments":["FINANCE"],"notes":"Kiểm tra giao dịch"}""");
        complete("finance", task(ref, "InvestigateInDepartment", "finance"), """
                {"findings":"Giao dịch bị treo tại ngân hàng","rootCause":"Ngân hàng đối tác chậm"}""");
        complete("agent", task(ref, "ProposeResolution", "agent"), """
                {"rootCause":"Ngân hàng đối tác chậm","remedy":"COMPENSATION","amount":50000,
                 "replyText":"Chúng tôi đã xử lý lệnh rút và bồi thường 50.000 VND."}""");
        complete("director", task(ref, "ApproveResolution", "director"), "{\"decision\":\"APPROVE\"}");

        await(() -> customer(ref, token, "answer", "{\"accepts\":false,\"reason\":\"Bồi thường quá ít\"}"));
        complete("director2", task(ref, "ReviewSecondRound", "director2"), """
                {"rootCause":"Ngân hàng đối tác chậm","remedy":"COMPENSATION","amount":200000,
                 "replyText":"Chúng tôi bồi thường 200.000 VND."}""");
        complete("director", task(ref, "ApproveResolution", "director"), "{\"decision\":\"APPROVE\"}");
        await(() -> customer(ref, token, "answer", "{\"accepts\":true}"));
        complete("agent", task(ref, "RecordLessonsLearned", "agent"), """
                {"lesson":"Theo dõi ngân hàng đối tác","trainingNeeded":false}""");

        Map<String, Object> complaint = http.withBasicAuth("auditor", "demo")
                .getForObject("/api/complaints/" + ref, Map.class);
        assertThat(complaint.get("status")).isEqualTo("CLOSED");
        assertThat((List<Map<String, Object>>) complaint.get("letters")).extracting(l -> l.get("kind"))
                .containsExactly("INTAKE_RECEIPT", "REPLY", "SECOND_REPLY");
        assertThat((List<Map<String, Object>>) complaint.get("events")).extracting(e -> e.get("actor"))
                .contains("agent", "finance", "director", "customer", "system");
        Map<String, Object> tracked = http.getForObject("/api/track/" + ref + "?token=" + token, Map.class);
        assertThat(tracked.get("status")).isEqualTo("CLOSED");
        assertThat(tracked).doesNotContainKeys("events", "notifications", "openTasks");

        // Every letter downloads as the PDF listed (SHA-256), by staff and by the customer's token only.
        for (Map<String, Object> letter : (List<Map<String, Object>>) complaint.get("letters")) {
            String path = "/letters/" + letter.get("id");
            ResponseEntity<byte[]> staff = http.withBasicAuth("auditor", "demo")
                    .getForEntity("/api/complaints/" + ref + path, byte[].class);
            assertThat(staff.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(staff.getHeaders().getContentDisposition().getFilename()).startsWith(ref).endsWith(".pdf");
            assertThat(sha256(staff.getBody())).isEqualTo(letter.get("sha256"));
            ResponseEntity<byte[]> customer = http.getForEntity("/api/track/" + ref + path + "?token=" + token,
                    byte[].class);
            assertThat(customer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(customer.getBody()).isEqualTo(staff.getBody());
            assertThat(http.getForEntity("/api/track/" + ref + path + "?token=wrong", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private HttpStatus customer(String ref, String token, String action, String body) {
        return HttpStatus.valueOf(http.postForEntity("/api/track/" + ref + "/" + action + "?token=" + token, json(body),
                String.class).getStatusCode().value());
    }

    private void complete(String user, String taskId, String body) {
        ResponseEntity<String> response = http.withBasicAuth(user, "demo")
                .postForEntity("/api/tasks/" + taskId + "/complete", json(body), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @SuppressWarnings("unchecked")
    private String task(String ref, String taskKey, String user) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            List<Map<String, Object>> tasks = http.withBasicAuth(user, "demo")
                    .getForObject("/api/tasks?reference=" + ref + "&taskKey=" + taskKey, List.class);
            if (!tasks.isEmpty()) {
                return (String) tasks.get(0).get("id");
            }
            Thread.sleep(100);
        }
        throw new AssertionError(user + " never saw " + taskKey + " of " + ref);
    }

    /** The letter goes out asynchronously: the customer's answer is refused (409) until it has. */
    private void await(Supplier<HttpStatus> call) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpStatus status = call.get();
        while (status == HttpStatus.CONFLICT && System.nanoTime() < end) {
            Thread.sleep(100);
            status = call.get();
        }
        assertThat(status).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
