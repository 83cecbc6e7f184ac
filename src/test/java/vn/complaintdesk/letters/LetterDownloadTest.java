package vn.complaintdesk.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/**
 * Downloading a letter: staff (logged in) and the customer (with their token) get the very PDF that
 * is listed with its SHA-256; a wrong, missing or other complaint's token, or another complaint's
 * letter, is a 404.
 */
@DeskTest
class LetterDownloadTest {

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcessDriver driver;

    @Test
    void staffDownloadTheListedLetterAsPdfWithAFileName() throws Exception {
        String ref = driver.replied(Category.PROMOTION_TERMS);
        JsonNode letter = listedLetter(ref);
        long id = letter.get("id").asLong();

        ResponseEntity<byte[]> response = http.withBasicAuth("agent", "demo")
                .getForEntity("/api/complaints/" + ref + "/letters/" + id, byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo(ref + "-reply-" + id + ".pdf");
        assertThat(response.getHeaders().getETag()).isEqualTo("\"" + letter.get("sha256").asText() + "\"");
        assertThat(response.getHeaders().getCacheControl()).contains("no-store");
        assertThat(new String(response.getBody(), 0, 5)).isEqualTo("%PDF-");
        assertThat(sha256(response.getBody())).isEqualTo(letter.get("sha256").asText());
    }

    @Test
    void theCustomerDownloadsTheSamePdfWithTheirToken() throws Exception {
        String ref = driver.replied(Category.PROMOTION_TERMS);
        JsonNode letter = listedLetter(ref);
        String token = driver.complaint(ref).trackingToken();

        ResponseEntity<byte[]> response = http.getForEntity(
                "/api/track/" + ref + "/letters/" + letter.get("id").asLong() + "?token=" + token, byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(response.getHeaders().getContentDisposition().getFilename()).endsWith(".pdf");
        assertThat(sha256(response.getBody())).isEqualTo(letter.get("sha256").asText());
        JsonNode tracked = json.readTree(http.getForObject("/api/track/" + ref + "?token=" + token, String.class));
        assertThat(tracked.get("letters").get(0).get("sha256").asText()).isEqualTo(letter.get("sha256").asText());
    }

    @Test
    void aWrongMissingOrOtherComplaintsTokenIs404() throws Exception {
        String ref = driver.replied(Category.PROMOTION_TERMS);
        String other = driver.replied(Category.PROMOTION_TERMS);
        long id = listedLetter(ref).get("id").asLong();
        String path = "/api/track/" + ref + "/letters/" + id;

        assertNotFound(http.getForEntity(path + "?token=not-the-token", String.class));
        assertNotFound(http.getForEntity(path, String.class));
        assertNotFound(http.getForEntity(path + "?token=" + driver.complaint(other).trackingToken(), String.class));
        assertNotFound(http.getForEntity("/api/track/" + other + "/letters/" + id + "?token="
                + driver.complaint(other).trackingToken(), String.class));
    }

    @Test
    void staffGet404ForAnotherComplaintsLetterAnd401WithoutLogin() throws Exception {
        String ref = driver.replied(Category.PROMOTION_TERMS);
        String other = driver.submit(Category.OTHER).reference();
        long id = listedLetter(ref).get("id").asLong();

        assertNotFound(http.withBasicAuth("agent", "demo")
                .getForEntity("/api/complaints/" + other + "/letters/" + id, String.class));
        assertNotFound(http.withBasicAuth("agent", "demo")
                .getForEntity("/api/complaints/" + ref + "/letters/" + (id + 100_000), String.class));
        assertThat(http.getForEntity("/api/complaints/" + ref + "/letters/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode listedLetter(String ref) throws Exception {
        JsonNode complaint = json.readTree(http.withBasicAuth("agent", "demo")
                .getForObject("/api/complaints/" + ref, String.class));
        assertThat(complaint.get("letters")).hasSize(1);
        JsonNode letter = complaint.get("letters").get(0);
        assertThat(letter.get("kind").asText()).isEqualTo("REPLY");
        return letter;
    }

    private static void assertNotFound(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).doesNotContain("pdf");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
