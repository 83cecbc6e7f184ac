package vn.complaintdesk.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/**
 * The letters as PDF, read back with PDFBox: the customer's Vietnamese name and the approved
 * resolution with all their diacritics, the amount in VND, the options and authorities, the
 * embedded font, and one immutable file per letter whose SHA-256 is the stored one.
 */
@DeskTest
class LetterPdfTest {

    private static final String REPLY_TEXT = "Chúng tôi đã hoàn lại khoản tiền bị trừ nhầm vào tài khoản của Quý khách. "
            + "Thành thật xin lỗi Quý khách vì sự bất tiện này.";

    @Autowired ProcessDriver driver;
    @Autowired Letters letters;
    @Autowired JdbcClient jdbc;

    @Test
    void theReplyLetterReadsBackWithTheCustomersNameAndTheResolutionInVietnamese() throws Exception {
        String ref = approvedRefund("vi");

        Letters.LetterFile file = onlyLetter(ref, "REPLY");
        String text = pdfText(file.content());

        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(sha256(file.content())).isEqualTo(file.sha256());
        assertThat(text).contains("Phạm Quốc Anh", REPLY_TEXT, "Hoàn tiền", "1.500.000 VND",
                "Số: " + ref, "THƯ TRẢ LỜI KHIẾU NẠI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập – Tự do – Hạnh phúc", "Công ty Cổ phần Dịch vụ Mẫu",
                "V/v: Chưa nhận được tiền thưởng khuyến mãi",
                "xem xét lại lần 2", "cơ quan bảo vệ quyền lợi người tiêu dùng cấp tỉnh", "hòa giải",
                "trọng tài thương mại", "Tòa án nhân dân",
                "/track/" + ref + "?token=" + driver.complaint(ref).trackingToken());
        assertThat(text).containsPattern("trước ngày \\d{2}/\\d{2}/\\d{4}")
                .containsPattern("ngày \\d{2} tháng \\d{2} năm \\d{4}");
        assertThat(fonts(file.content())).isNotEmpty().allSatisfy(font -> {
            assertThat(font).contains("DejaVuSans").endsWith("embedded");
        });
    }

    @Test
    void anEnglishCustomerGetsTheLetterInEnglishWithTheirVietnameseNameIntact() throws Exception {
        String ref = approvedRefund("en");

        String text = pdfText(onlyLetter(ref, "REPLY").content());

        assertThat(text).contains("Dear Phạm Quốc Anh,", REPLY_TEXT, "Refund", "1,500,000 VND",
                "REPLY TO YOUR COMPLAINT", "Ref.: " + ref, "provincial consumer-protection authority", "mediation",
                "commercial arbitration", "People’s Court", "reviewed a second time");
        assertThat(text).doesNotContain("Kính gửi");
    }

    @Test
    void theSecondRoundLettersSayWhatTheyAre() throws Exception {
        String meeting = driver.replied(Category.PROMOTION_TERMS);
        driver.customer(meeting, "CustomerAnswered", Map.of("accepts", false, "reason", "Chưa thỏa đáng"));
        driver.complete(meeting, "ReviewSecondRound", "director2", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "VOUCHER", "amount", 200000, "replyText", "Tặng Quý khách phiếu mua hàng trị giá 200.000 đồng.",
                "meetingAt", "2030-01-15T09:30"));
        driver.complete(meeting, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        String invitation = pdfText(onlyLetter(meeting, "MEETING_INVITATION").content());
        assertThat(invitation).contains("THƯ MỜI GẶP MẶT", "09:30, 15/01/2030", "Tầng 5, Tòa nhà Mẫu",
                "Tặng Quý khách phiếu mua hàng trị giá 200.000 đồng.", "200.000 VND", "Tòa án nhân dân");

        String second = driver.replied(Category.SERVICE_QUALITY);
        driver.customer(second, "CustomerAnswered", Map.of("accepts", false, "reason", "Chưa thỏa đáng"));
        driver.complete(second, "ReviewSecondRound", "director2", Map.of("rootCause", "Nhân viên chậm",
                "remedy", "EXPLANATION", "replyText", "Giám đốc đã trực tiếp nhắc nhở nhân viên phụ trách."));
        driver.complete(second, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        String secondText = pdfText(onlyLetter(second, "SECOND_REPLY").content());
        assertThat(secondText).contains("THƯ TRẢ LỜI KHIẾU NẠI (LẦN 2)", "Phạm Quốc Anh",
                "Giám đốc đã trực tiếp nhắc nhở nhân viên phụ trách.", "Giải thích", "Nếu vẫn không đồng ý")
                .doesNotContain("Số tiền");
    }

    @Test
    void theRefusalOfATimeBarredComplaintNamesTheLimitationAndTheAuthorities() throws Exception {
        LocalDate incident = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(45);
        String ref = driver.submit(Complaints.submission(Category.PAYMENT_DELAY, incident)).reference();

        String text = pdfText(onlyLetter(ref, "REFUSAL").content());

        assertThat(text).contains("THÔNG BÁO KHÔNG THỤ LÝ KHIẾU NẠI", "Phạm Quốc Anh", "30 ngày", "45 ngày",
                "%02d/%02d/%d".formatted(incident.getDayOfMonth(), incident.getMonthValue(), incident.getYear()),
                "cơ quan bảo vệ quyền lợi người tiêu dùng cấp tỉnh", "Tòa án nhân dân");
    }

    @Test
    void aLetterIsStoredOnceAndARetriedStepGetsTheSameFile() throws Exception {
        String ref = driver.replied(Category.PROMOTION_TERMS);
        Complaint complaint = driver.complaint(ref);
        Letters.Letter first = letters.of(complaint.id()).get(0);
        byte[] stored = letters.file(complaint, first.id()).orElseThrow().content();
        String dedupKey = jdbc.sql("SELECT dedup_key FROM letter WHERE id = :id").param("id", first.id())
                .query(String.class).single();
        String suffix = dedupKey.substring((ref + ":REPLY:").length());

        Letters.Letter again = letters.issue(complaint, Letters.Kind.REPLY, suffix,
                Map.of("replyText", "Một nội dung khác", "remedy", "EXPLANATION"));

        assertThat(again).isEqualTo(first);
        assertThat(letters.of(complaint.id())).hasSize(1);
        assertThat(letters.file(complaint, first.id()).orElseThrow().content()).isEqualTo(stored);
        assertThat(sha256(stored)).isEqualTo(first.sha256());
    }

    /** Round 1 refund of 1.500.000 VND, which the director must approve. */
    private String approvedRefund(String language) {
        String ref = driver.submit(Complaints.submission(Category.BILLING,
                LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3), language)).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Trừ tiền hai lần",
                "remedy", "REFUND", "amount", 1_500_000, "replyText", REPLY_TEXT));
        driver.complete(ref, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        return ref;
    }

    private Letters.LetterFile onlyLetter(String ref, String kind) {
        Complaint complaint = driver.complaint(ref);
        Letters.Letter letter = letters.of(complaint.id()).stream().filter(l -> l.kind().equals(kind))
                .reduce((a, b) -> { throw new AssertionError("two " + kind + " letters"); }).orElseThrow();
        return letters.file(complaint, letter.id()).orElseThrow();
    }

    /** The PDF's text as a reader sees it: NFC, lines joined, runs of spaces as one. */
    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ");
        }
    }

    /** Every font the pages use, as "name embedded" or "name not embedded". */
    private static List<String> fonts(byte[] pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : " not embedded"));
                }
            }
        }
        return fonts;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
