package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.complaintdesk.support.JsonNodes.values;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.intake.Attachments;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.StaffSession;

/**
 * The customer answers an information request with the files it asks for, over the tracking API
 * (JSON with base64, or multipart): the files obey the portal's limits, land in the complaint's
 * attachments and log book, and the agent's next form lists them.
 */
@DeskTest
class InformationWithFilesTest {

    /** The eight-byte PNG signature and an empty IHDR: enough to be recognised by content. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcessDriver driver;
    @Autowired Attachments attachments;
    @Autowired HandlingRecords records;
    @Autowired ComplaintEventLog eventLog;
    @LocalServerPort int port;

    @Test
    void aScreenshotSentAsBase64JsonIsKeptLoggedAndListedOnTheAgentsForm() throws Exception {
        String reference = waitingForInformation();

        ResponseEntity<String> answer = postJson(reference, Map.of("information", "Ảnh chụp màn hình lỗi nạp tiền",
                "attachments", new Object[] {Map.of("filename", "loi-nap-tien.png",
                        "contentBase64", Base64.getEncoder().encodeToString(PNG))}));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        long id = driver.complaint(reference).id();
        assertThat(attachments.of(id)).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("loi-nap-tien.png");
            assertThat(file.contentType()).isEqualTo("image/png");
            assertThat(file.sizeBytes()).isEqualTo(PNG.length);
        });
        assertThat(eventLog.of(id)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("ATTACHMENTS_ADDED");
            assertThat(e.actor()).isEqualTo(ComplaintEventLog.CUSTOMER);
            assertThat(e.detail()).contains("loi-nap-tien.png (16 B)");
        });
        driver.runJobs(reference);
        String form = StaffSession.login(port, "agent", "demo")
                .get("/tasks/" + driver.task(reference, "AnalyzeComplaint").getId() + "?lang=en").body();
        assertThat(form).contains("id=\"complaint-attachments\"", "loi-nap-tien.png", "16 B",
                "Ảnh chụp màn hình lỗi nạp tiền");
    }

    @Test
    void aBankStatementSentAsMultipartIsKeptWithTheWrittenAnswer() {
        String reference = waitingForInformation();

        ResponseEntity<String> answer = postMultipart(reference, "Sao kê ngày 20/11", file("sao-ke.pdf", PDF));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        long id = driver.complaint(reference).id();
        assertThat(attachments.of(id)).extracting(Attachments.Attachment::filename).containsExactly("sao-ke.pdf");
        assertThat(records.latestInfoRequest(id).orElseThrow().information()).isEqualTo("Sao kê ngày 20/11");
    }

    @Test
    void filesAloneAreAnAnswerThatNamesThem() {
        String reference = waitingForInformation();

        assertThat(postMultipart(reference, null, file("man-hinh.png", PNG)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(records.latestInfoRequest(driver.complaint(reference).id()).orElseThrow().information())
                .contains("man-hinh.png");
    }

    @Test
    void sixFilesAreRefusedWithAFieldErrorAndNothingIsKept() throws Exception {
        String reference = waitingForInformation();
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("information", "Sáu ảnh");
        for (int i = 1; i <= 6; i++) {
            parts.add("attachments", file("anh-" + i + ".png", PNG));
        }

        ResponseEntity<String> refused = http.postForEntity(infoUrl(reference), multipart(parts), String.class);

        assertFieldError(refused, "attachments", "5");
        assertThat(attachments.of(driver.complaint(reference).id())).isEmpty();
        assertThat(driver.hasTimer(reference, "Timer_InfoLimit")).as("still waiting for the information").isTrue();
    }

    @Test
    void aProgramNamedLikeAPictureIsRefusedNamingIt() throws Exception {
        String reference = waitingForInformation();
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};

        ResponseEntity<String> refused = postJson(reference, Map.of("information", "Ảnh",
                "attachments", new Object[] {Map.of("filename", "anh.png",
                        "contentBase64", Base64.getEncoder().encodeToString(program))}));

        assertFieldError(refused, "attachments", "anh.png");
        assertThat(attachments.of(driver.complaint(reference).id())).isEmpty();
    }

    @Test
    void contentThatIsNotBase64IsRefusedNamingTheEntry() throws Exception {
        String reference = waitingForInformation();

        ResponseEntity<String> refused = postJson(reference, Map.of("information", "Ảnh",
                "attachments", new Object[] {Map.of("filename", "anh.png", "contentBase64", "không phải base64!")}));

        assertFieldError(refused, "attachments[0].contentBase64", "base64");
    }

    @Test
    void filesForAComplaintThatWaitsForNothingAreRefused409AndNotKept() {
        String reference = driver.submit(Category.PAYMENT_DELAY).reference();

        ResponseEntity<String> refused = postMultipart(reference, "Ảnh", file("anh.png", PNG));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(attachments.of(driver.complaint(reference).id())).isEmpty();
    }

    private String waitingForInformation() {
        String reference = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "NEED_INFO",
                "questionsForCustomer", "Xin gửi ảnh chụp màn hình lỗi."));
        return reference;
    }

    private String infoUrl(String reference) {
        return "/api/track/" + reference + "/info?token=" + driver.complaint(reference).trackingToken();
    }

    private ResponseEntity<String> postJson(String reference, Map<String, Object> body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(infoUrl(reference), new HttpEntity<>(json.writeValueAsString(body), headers),
                String.class);
    }

    private ResponseEntity<String> postMultipart(String reference, String information, ByteArrayResource file) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (information != null) {
            parts.add("information", information);
        }
        parts.add("attachments", file);
        return http.postForEntity(infoUrl(reference), multipart(parts), String.class);
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(MultiValueMap<String, Object> parts) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private void assertFieldError(ResponseEntity<String> response, String field, String mentioned) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(values(problem.get("errors"), "field")).contains(field);
        assertThat(problem.get("errors").toString()).contains(mentioned);
    }
}
