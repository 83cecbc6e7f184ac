package vn.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.complaintdesk.support.JsonNodes.values;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.complaintdesk.support.DeskTest;

/**
 * What routes a complaint is the desk's to decide: an anonymous caller's tier is ignored, the
 * staff-only channels are refused to them, and the incident date lies between 2000 and today.
 */
@DeskTest
class DeskDecidesTierAndChannelTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;

    @ParameterizedTest
    @ValueSource(strings = {"AGENCY_1", "LOYAL"})
    void anAnonymousCustomerClaimingATierIsTriagedAsStandard(String claimed) throws Exception {
        String ref = created(anonymous(body("WEB_FORM", unique() + "@example.vn", claimed)));

        JsonNode complaint = complaint(ref);
        assertThat(complaint.get("customer").get("tier").asText()).isEqualTo("STANDARD");
        assertThat(complaint.get("priority").asText()).isEqualTo("NORMAL");
    }

    @Test
    void anAnonymousCustomerGetsTheTierStaffLastRecordedForThem() throws Exception {
        String email = unique() + "@example.vn";
        created(asAgent(body("HOTLINE", email, "AGENCY_1")));
        created(asAgent(body("HOTLINE", email, "LOYAL")));

        String ref = created(anonymous(body("WEB_FORM", email.toUpperCase(), "NEGATIVE")));

        JsonNode complaint = complaint(ref);
        assertThat(complaint.get("customer").get("tier").asText()).isEqualTo("LOYAL");
        assertThat(complaint.get("priority").asText()).isEqualTo("HIGH");
    }

    @Test
    void staffSetTheTierTheyRecord() throws Exception {
        String ref = created(asAgent(body("HOTLINE", unique() + "@example.vn", "AGENCY_1")));

        assertThat(complaint(ref).get("customer").get("tier").asText()).isEqualTo("AGENCY_1");
        assertThat(complaint(ref).get("priority").asText()).isEqualTo("HIGH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IN_PERSON", "HOTLINE", "POST"})
    void anAnonymousCallerCannotChooseAStaffChannel(String channel) throws Exception {
        ResponseEntity<String> refused = anonymous(body(channel, unique() + "@example.vn", null));

        assertRefused(refused, "channel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31", "-5877641-06-23", "+999999999-12-31", "0000-01-01"})
    void anIncidentDateBefore2000IsRefusedNamingTheField(String incidentDate) throws Exception {
        assertRefused(anonymous(body("WEB_FORM", unique() + "@example.vn", null, incidentDate)),
                "incidentDate");
    }

    @Test
    void anIncidentDateAfterTodayIsRefused() throws Exception {
        String tomorrow = LocalDate.now(ZONE).plusDays(1).toString();
        assertRefused(anonymous(body("WEB_FORM", unique() + "@example.vn", null, tomorrow)),
                "incidentDate");
    }

    @Test
    void anIncidentDateBeyondWhatADateCanHoldIsRefusedNamingTheField() throws Exception {
        assertRefused(anonymous(body("WEB_FORM", unique() + "@example.vn", null, "+1000000000-01-01")), "incidentDate");
    }

    @Test
    void theFirstDayOf2000IsTakenAndTimeBarred() throws Exception {
        ResponseEntity<String> taken = anonymous(body("WEB_FORM", unique() + "@example.vn", null, "2000-01-01"));

        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(taken.getBody()).get("status").asText()).isEqualTo("REJECTED_TIME_BARRED");
    }

    private void assertRefused(ResponseEntity<String> response, String field) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(values(json.readTree(response.getBody()).get("errors"), "field")).contains(field);
    }

    private static String body(String channel, String email, String tier) {
        return body(channel, email, tier, LocalDate.now(ZONE).minusDays(1).toString());
    }

    private static String body(String channel, String email, String tier, String incident) {
        return """
                {"channel":"%s","category":"TECHNICAL_ERROR","subject":"Ứng dụng báo lỗi khi nạp tiền",
                 "description":"Mỗi lần nạp tiền ứng dụng báo lỗi 500.","incidentDate":"INCIDENT",
                 "customer":{"name":"Vũ Minh Châu","email":"%s"%s}}"""
                .formatted(channel, email, tier == null ? "" : ",\"tier\":\"" + tier + "\"")
                .replace("INCIDENT", incident);
    }

    private ResponseEntity<String> anonymous(String body) {
        return http.postForEntity("/api/complaints", entity(body), String.class);
    }

    private ResponseEntity<String> asAgent(String body) {
        return http.withBasicAuth("agent", "demo").postForEntity("/api/complaints", entity(body), String.class);
    }

    private String created(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).get("reference").asText();
    }

    private JsonNode complaint(String reference) throws Exception {
        return json.readTree(http.withBasicAuth("agent", "demo").getForObject("/api/complaints/" + reference,
                String.class));
    }

    private static HttpEntity<String> entity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static String unique() {
        return "chau.vu." + UUID.randomUUID().toString().substring(0, 8);
    }
}
