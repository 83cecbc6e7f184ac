package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.StaffSession;

/**
 * The customer's tracking page over real HTTP: the reply as text (the PDF's words, escaped) with
 * its answer-by date taken from the deemed-acceptance timer, a timeline without anything internal,
 * no dead ends for a bad link, and the language switch keeping the link's token.
 */
@DeskTest
class TrackingPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String REPLY = "Chúng tôi hoàn lại 1.500.000 đồng <b>trong 3 ngày</b> & xin lỗi Quý khách.";

    @Autowired ProcessDriver driver;
    @Autowired Letters letters;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void theReplyLetterIsReadOnThePageWithItsAmountAndTheDayAfterWhichSilenceIsAcceptance() throws Exception {
        String reference = approvedRefund();
        Complaint complaint = driver.complaint(reference);

        String page = customer().get(trackingPath(complaint) + "&lang=en").body();

        Letters.Letter letter = letters.of(complaint.id()).get(letters.of(complaint.id()).size() - 1);
        String pdf = pdfText(letters.file(complaint, letter.id()).orElseThrow().content());
        assertThat(pdf).contains(REPLY);
        assertThat(page).contains("id=\"reply-text\"", REPLY.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), "1,500,000 VND", "Refund")
                .doesNotContain("<b>trong 3 ngày</b>");
        String timerDay = driver.timer(reference, "Timer_DeemedAccepted").getDuedate().toInstant()
                .atZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(page).contains("Please answer by " + timerDay + " — after that we take it that you accept");
        assertThat(pdf).contains(timerDay);
        assertThat(page).contains("id=\"accept-reply\"", "id=\"reject-reply\"", "name=\"reason\"");
    }

    @Test
    void theTimelineSaysEachStepInPlainWordsAndNothingInternal() {
        String reference = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE",
                "departments", "FINANCE", "notes", "GHI-CHU-NOI-BO khách hay khiếu nại"));
        driver.complete(reference, "InvestigateInDepartment", "finance", Map.of("findings", "KET-QUA-XAC-MINH lệnh treo",
                "rootCause", "NGUYEN-NHAN-GOC cổng thanh toán"));

        String page = customer().get(trackingPath(driver.complaint(reference)) + "&lang=en").body();

        assertThat(page).contains("We received your complaint", "We are looking into your complaint",
                "Being checked by the department concerned");
        assertThat(page).doesNotContain("GHI-CHU-NOI-BO", "KET-QUA-XAC-MINH", "NGUYEN-NHAN-GOC", ">agent<",
                ">finance<", "TASK_CREATED");
    }

    @Test
    void aWrongTokenShowsTheSame404PageAsAnUnknownReferenceWithTheHotlineAndANewLinkForm() {
        String reference = driver.submit(Category.PAYMENT_DELAY).reference();
        StaffSession customer = customer();

        HttpResponse<String> wrongToken = customer.get("/track/" + reference + "?token=not-the-token");
        HttpResponse<String> unknown = customer.get("/track/KN-1999-999999?token=not-the-token");

        for (HttpResponse<String> page : List.of(wrongToken, unknown)) {
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("id=\"link-not-valid\"", "1900 0000", "cskh@complaintdesk.local",
                    "id=\"new-link-form\"", "name=\"email\"", "type=\"email\"");
        }
        assertThat(comparable(wrongToken, reference)).isEqualTo(comparable(unknown, "KN-1999-999999"));
    }

    @Test
    void aNewLinkIsMailedOnlyToTheComplaintsOwnAddressAndTheAnswerIsAlwaysTheSame() {
        Complaint complaint = driver.complaint(driver.submit(Category.PAYMENT_DELAY).reference());
        String own = complaint.customer().email();

        List<HttpResponse<String>> answers = List.of(
                askNewLink(complaint.reference(), "attacker@example.com"),
                askNewLink("KN-1999-999998", own),
                askNewLink(complaint.reference(), own.toUpperCase()));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/track/new-link/sent");
        });
        assertThat(jdbc.sql("SELECT recipient FROM notification WHERE complaint_id = :c AND type = 'TRACKING_LINK'")
                .param("c", complaint.id()).query(String.class).list()).containsExactly(own);
        assertThat(jdbc.sql("SELECT body FROM notification WHERE complaint_id = :c AND type = 'TRACKING_LINK'")
                .param("c", complaint.id()).query(String.class).single())
                .contains("/track/" + complaint.reference() + "?token=" + complaint.trackingToken());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE type = 'TRACKING_LINK' AND recipient LIKE 'attacker%'")
                .query(Long.class).single()).isZero();
        assertThat(customer().get("/track/new-link/sent").body()).contains("1900 0000");
    }

    @Test
    void anUnknownPublicAddressIsAPublic404NotTheStaffLoginWhileStaffPagesStillAskForIt() {
        StaffSession visitor = customer();

        HttpResponse<String> unknown = visitor.getPage("/khieu-nai-cua-toi");
        HttpResponse<String> staffPage = visitor.get("/tasks");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"not-found\"", "1900 0000", "cskh@complaintdesk.local")
                .doesNotContain("name=\"password\"");
        assertThat(staffPage.statusCode()).isEqualTo(302);
        assertThat(staffPage.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(visitor.get("/complaints/KN-2026-000001").statusCode()).isEqualTo(302);
        assertThat(visitor.get("/api/no-such-call").statusCode()).isEqualTo(401);
    }

    @Test
    void switchingTheLanguageKeepsTheTrackingToken() {
        Complaint complaint = driver.complaint(driver.submit(Category.PAYMENT_DELAY).reference());

        String page = customer().get(trackingPath(complaint) + "&lang=en").body();

        assertThat(page).contains("href=\"/track/" + complaint.reference() + "?token=" + complaint.trackingToken()
                + "&amp;lang=vi\"");
    }

    @Test
    void theFilingFormSaysWhatIsExpectedAndKeepsWhatWasTyped() {
        StaffSession customer = customer();
        String csrf = csrfOf(customer.get("/complaint"));
        String tomorrow = java.time.LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();

        String page = customer.postForm("/complaint", "_csrf=" + enc(csrf) + "&subject=" + enc("Rút tiền chưa về")
                + "&incidentDate=" + tomorrow + "&customer.phone=0912345678&description=&customer.name=").body();

        assertThat(page).contains("Vui lòng nhập họ tên", "Ngày phát sinh không được sau hôm nay",
                "Vui lòng chọn khiếu nại về việc gì", "Vui lòng kể lại sự việc", "value=\"Rút tiền chưa về\"",
                "value=\"0912345678\"", "value=\"" + tomorrow + "\"", "Ví dụ: 20/11/2026");
        assertThat(page).contains("type=\"tel\"", "type=\"email\"", "type=\"date\"", "aria-required=\"true\"");
    }

    private String approvedRefund() {
        String reference = driver.submit(Category.BILLING).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(reference, "ProposeResolution", "agent", Map.of("rootCause", "Trừ tiền hai lần",
                "remedy", "REFUND", "amount", 1_500_000, "replyText", REPLY));
        driver.complete(reference, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        return reference;
    }

    /** The page without what differs by itself: the reference typed in the address and the CSRF token. */
    private static String comparable(HttpResponse<String> page, String reference) {
        return page.body().replace(reference, "REF").replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "CSRF");
    }

    private HttpResponse<String> askNewLink(String reference, String email) {
        StaffSession customer = customer();
        String csrf = csrfOf(customer.get("/track/" + reference + "?token=lost"));
        return customer.postForm("/track/new-link", "_csrf=" + enc(csrf) + "&reference=" + enc(reference)
                + "&email=" + enc(email));
    }

    private StaffSession customer() {
        return StaffSession.anonymous(port);
    }

    private static String trackingPath(Complaint complaint) {
        return "/track/" + complaint.reference() + "?token=" + complaint.trackingToken();
    }

    private static String csrfOf(HttpResponse<String> page) {
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("a CSRF token on the page").isTrue();
        return csrf.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
                    .replaceAll("\\s+", " ");
        }
    }
}
