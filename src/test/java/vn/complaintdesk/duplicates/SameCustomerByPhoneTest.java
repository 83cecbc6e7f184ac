package vn.complaintdesk.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import vn.complaintdesk.channels.WebhookSignatures;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.JsonNodes;

/**
 * One customer whichever way they typed their number: the web form, a live chat and a hotline call
 * with {@code 0969360818}, {@code +84 969 360 818} and {@code 84969360818} are one customer's, over
 * real HTTP as the customer, the chat integration and an agent would call.
 */
@DeskTest
class SameCustomerByPhoneTest {

    private static final String LIVE_CHAT_SECRET = "test-live-chat-secret";

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @Test
    void threeSpellingsOfOneNumberOnThreeChannelsAreOneCustomer() throws Exception {
        String web = webForm("0969360818");
        String chat = liveChat("+84 969 360 818");
        String hotline = hotline("84969360818");

        for (String reference : new String[] {web, chat, hotline}) {
            JsonNode customer = complaintJson(reference).get("customer");
            assertThat(customer.get("phone").asText()).as(reference).isEqualTo("+84969360818");
        }
        assertThat(complaintJson(chat).get("customer").get("phoneAsGiven").asText()).isEqualTo("+84 969 360 818");

        ResponseEntity<String> history = http.withBasicAuth("agent", "demo")
                .getForEntity("/customers/history?phone={phone}", String.class, "0969 360 818");
        assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(history.getBody()).contains(web, chat, hotline);

        assertThat(JsonNodes.values(complaintJson(web).get("probableDuplicates"), "reference"))
                .containsExactlyInAnyOrder(chat, hotline);
        assertThat(JsonNodes.values(complaintJson(hotline).get("probableDuplicates"), "reference"))
                .containsExactlyInAnyOrder(web, chat);

        ResponseEntity<String> merged = http.withBasicAuth("agent", "demo")
                .postForEntity("/api/complaints/{source}/merge-into/{target}", null, String.class, chat, web);
        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(complaintJson(chat).get("mergedInto").asText()).isEqualTo(web);
    }

    @Test
    void aPhoneThatIsNoNumberIsRefusedNamingTheField() throws Exception {
        for (String invalid : new String[] {"12345", "0241234567", "+84 98 12345", "call me"}) {
            ResponseEntity<String> response = http.postForEntity("/api/complaints", jsonRequest(body("WEB_FORM",
                    invalid)), String.class);

            assertThat(response.getStatusCode()).as(invalid).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(JsonNodes.values(json.readTree(response.getBody()).get("errors"), "field")).as(invalid)
                    .containsExactly("customer.phone");
        }
    }

    @Test
    void aChatMessageWithAnInvalidPhoneIsRefusedNamingTheField() throws Exception {
        String body = """
                {"messageId":"phone-%d","category":"DELIVERY","text":"Đơn hàng giao thiếu.",
                 "customer":{"name":"Đỗ Hải","phone":"0000"}}""".formatted(System.nanoTime());

        ResponseEntity<String> response = signed("live-chat", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JsonNodes.values(json.readTree(response.getBody()).get("errors"), "field"))
                .containsExactly("customer.phone");
    }

    private String webForm(String phone) throws Exception {
        ResponseEntity<String> response = http.postForEntity("/api/complaints", jsonRequest(body("WEB_FORM", phone)),
                String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).get("reference").asText();
    }

    private String liveChat(String phone) throws Exception {
        ResponseEntity<String> response = signed("live-chat", """
                {"messageId":"phone-%d","category":"DELIVERY","text":"Đơn hàng giao thiếu một món.",
                 "customer":{"name":"Đỗ Hải","phone":"%s"}}""".formatted(System.nanoTime(), phone));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).get("reference").asText();
    }

    private String hotline(String phone) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("agent", "demo").postForEntity("/api/complaints",
                jsonRequest(body("HOTLINE", phone)), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).get("reference").asText();
    }

    private JsonNode complaintJson(String reference) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("agent", "demo")
                .getForEntity("/api/complaints/{reference}", String.class, reference);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> signed(String channel, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Timestamp", timestamp);
        headers.set("X-Signature", "sha256=" + WebhookSignatures.sign(LIVE_CHAT_SECRET, timestamp,
                body.getBytes(StandardCharsets.UTF_8)));
        return http.exchange(RequestEntity.post("/api/channels/" + channel + "/messages").headers(headers)
                .body(body.getBytes(StandardCharsets.UTF_8)), String.class);
    }

    private static HttpEntity<String> jsonRequest(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String body(String channel, String phone) {
        return """
                {"channel":"%s","category":"DELIVERY","subject":"Giao thiếu hàng",
                 "description":"Đơn hàng giao thiếu một món.","incidentDate":"%s",
                 "customer":{"name":"Đỗ Hải","phone":"%s"}}"""
                .formatted(channel, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1), phone);
    }
}
