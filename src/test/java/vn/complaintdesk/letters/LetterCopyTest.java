package vn.complaintdesk.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.web.PublicLinks;

/**
 * Whatever a customer copies out of a letter works: the text PDFBox extracts from every letter kind
 * holds their e-mail address, the tracking link and the letter's own download link byte for byte
 * (no "ﬁ"/"ﬂ" ligature glyphs), each link is a PDF link annotation to that very address, and the
 * signature never leaves the letter's last part behind on the page before.
 */
@DeskTest
class LetterCopyTest {

    @Autowired ProcessDriver driver;
    @Autowired Letters letters;
    @Autowired LetterPdfRenderer renderer;
    @Autowired PublicLinks links;
    @Autowired JdbcClient jdbc;

    @Test
    void everyLetterKindCopiesOutExactlyWithClickableLinks() throws Exception {
        List<Letters.LetterFile> files = new ArrayList<>();
        String receipt = submit(Channel.HOTLINE, Category.DELIVERY, LocalDate.now(zone()).minusDays(1));
        files.add(letter(receipt, "INTAKE_RECEIPT"));

        String refused = submit(Channel.WEB_FORM, Category.PAYMENT_DELAY, LocalDate.now(zone()).minusDays(45));
        driver.runJobs(refused);
        files.add(letter(refused, "REFUSAL"));

        String replied = inRoundTwo();
        files.add(letter(replied, "REPLY"));
        driver.complete(replied, "ReviewSecondRound", "director", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "EXPLANATION", "replyText", "Giám đốc đã giải thích lại điều kiện khuyến mãi."));
        driver.complete(replied, "ApproveResolution", "director2", Map.of("decision", "APPROVE"));
        files.add(letter(replied, "SECOND_REPLY"));

        String meeting = inRoundTwo();
        driver.complete(meeting, "ReviewSecondRound", "director", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "VOUCHER", "amount", 100000, "replyText", "Tặng Quý khách phiếu mua hàng.",
                "meetingAt", "2030-01-15T09:30"));
        driver.complete(meeting, "ApproveResolution", "director2", Map.of("decision", "APPROVE"));
        files.add(letter(meeting, "MEETING_INVITATION"));

        assertThat(files).extracting(Letters.LetterFile::kind).containsExactlyInAnyOrder(
                "INTAKE_RECEIPT", "REFUSAL", "REPLY", "SECOND_REPLY", "MEETING_INVITATION");
        for (Letters.LetterFile file : files) {
            Complaint complaint = complaintOf(file);
            String tracking = links.tracking(complaint.reference(), complaint.trackingToken());
            String download = links.letterDownload(complaint.reference(), file.id(), complaint.trackingToken());
            String text = text(file.content());

            assertThat(text).as(file.kind()).contains(complaint.customer().email(), tracking, download,
                    complaint.reference()).doesNotContain("\uFB01", "\uFB02");
            assertThat(linkTargets(file.content())).as(file.kind()).contains(tracking, download);
        }
    }

    @Test
    void theSignatureStaysWithTheLastPartOfTheLetter() throws Exception {
        String ref = inRoundTwo();
        Complaint complaint = driver.complaint(ref);
        // Replies of growing length move the page break through every line near the end.
        for (int lines = 20; lines <= 70; lines += 2) {
            String reply = String.join("\n", Collections.nCopies(lines,
                    "Chúng tôi đã kiểm tra lại toàn bộ giao dịch của Quý khách trong tháng."));
            String html = letters.html(complaint, Letters.Kind.REPLY, Map.of("replyText", reply,
                    "remedy", "EXPLANATION", "answerBy", OffsetDateTime.now(zone())), OffsetDateTime.now(zone()), 1);
            List<String> pages = pages(renderer.pdf(html));
            String last = pages.get(pages.size() - 1);

            assertThat(last).as("%d lines of reply, %d pages", lines, pages.size())
                    .contains("Tòa án nhân dân", "Trân trọng", "CHĂM SÓC KHÁCH HÀNG");
        }
    }

    private String submit(Channel channel, Category category, LocalDate incident) {
        String email = "fiona.flores." + UUID.randomUUID().toString().substring(0, 8) + "@fifteen-fl.example.vn";
        // Phone, counter and post complaints are recorded by staff.
        String staff = channel == Channel.HOTLINE ? "agent" : null;
        return driver.submitAs(staff, new ComplaintSubmission(channel, null, category, "Phí dịch vụ không rõ",
                "Tôi muốn biết các khoản phí được tính thế nào.", incident, null,
                new ComplaintSubmission.CustomerData("Phan Thị Phượng", email, "0912 345 678", null, null, "vi")))
                .reference();
    }

    /** A complaint whose first reply the customer rejected, with a token full of "fi" and "fl". */
    private String inRoundTwo() {
        String ref = submit(Channel.WEB_FORM, Category.PROMOTION_TERMS, LocalDate.now(zone()).minusDays(2));
        withLigatureToken(ref);
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "EXPLANATION", "replyText", "Chúng tôi giải thích điều kiện khuyến mãi."));
        driver.customer(ref, "CustomerAnswered", Map.of("accepts", false, "reason", "Chưa thỏa đáng"));
        return ref;
    }

    private void withLigatureToken(String ref) {
        jdbc.sql("UPDATE complaint SET tracking_token = :token WHERE reference = :ref")
                .param("token", "fiflffi-" + UUID.randomUUID().toString().replace("-", "fl")).param("ref", ref)
                .update();
    }

    private Letters.LetterFile letter(String ref, String kind) {
        Complaint complaint = driver.complaint(ref);
        Letters.Letter letter = letters.of(complaint.id()).stream().filter(l -> l.kind().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " letter for " + ref));
        return letters.file(complaint, letter.id()).orElseThrow();
    }

    private Complaint complaintOf(Letters.LetterFile file) {
        String reference = jdbc.sql("SELECT c.reference FROM letter l JOIN complaint c ON c.id = l.complaint_id"
                + " WHERE l.id = :id").param("id", file.id()).query(String.class).single();
        return driver.complaint(reference);
    }

    /** The text exactly as a reader copies it: no normalisation of any kind. */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("\\s+", " "));
            }
        }
        return pages;
    }

    private static List<String> linkTargets(byte[] pdf) throws IOException {
        List<String> targets = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        targets.add(uri.getURI());
                    }
                }
            }
        }
        return targets;
    }

    private static ZoneId zone() {
        return ZoneId.of("Asia/Ho_Chi_Minh");
    }
}
