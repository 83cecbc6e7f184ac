package vn.complaintdesk.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.web.LocalizedFormats;

/**
 * The intake receipt (phiếu tiếp nhận) of counter, phone and post complaints, read back from the PDF:
 * the reference, what was recorded, the deadlines and the tracking link; none for other channels.
 */
@DeskTest
class IntakeReceiptTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalizedFormats VI = new LocalizedFormats(Locale.forLanguageTag("vi"), ZONE);

    @Autowired IntakeService intake;
    @Autowired ProcessDriver driver;
    @Autowired Letters letters;
    @Autowired MockMvc mvc;

    @Test
    void aCounterComplaintGetsAReceiptWithItsReferenceDeadlinesAndTrackingLink() throws Exception {
        IntakeAnswer answer = intake.submit(submission(Channel.IN_PERSON, "Mất kết nối khi nạp tiền",
                "Khách đến quầy trình bày: nạp 2.000.000 đồng nhưng số dư không đổi."), "agent", null);
        String ref = answer.reference();

        String text = LetterPdfTest.pdfText(receiptOf(ref).content());

        assertThat(text).contains("PHIẾU TIẾP NHẬN KHIẾU NẠI", "Mã khiếu nại " + ref, "Số: " + ref,
                "Nguyễn Thị Hằng", "Điện thoại: +84912345678", "Tại quầy", "Mất kết nối khi nạp tiền",
                "nạp 2.000.000 đồng nhưng số dư không đổi", "Chậm nạp/rút tiền",
                "Giải quyết xong chậm nhất " + VI.dateTime(answer.resolutionDueAt()),
                "Trả lời Quý khách chậm nhất " + VI.dateTime(answer.replyDueAt()),
                "Thời điểm tiếp nhận " + VI.dateTime(answer.receivedAt()),
                "/track/" + ref + "?token=" + answer.trackingToken());
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"HOTLINE", "POST"})
    void phoneAndPostComplaintsGetAReceiptToo(Channel channel) throws Exception {
        String ref = intake.submit(submission(channel, "Phí giao dịch bị trừ hai lần", "Ghi nhận qua " + channel),
                "agent", null).reference();

        assertThat(LetterPdfTest.pdfText(receiptOf(ref).content())).contains(ref, "PHIẾU TIẾP NHẬN KHIẾU NẠI");
    }

    @Test
    void aWebFormComplaintGetsNoReceipt() {
        String ref = driver.submit(submission(Channel.WEB_FORM, "Khuyến mãi", "Chưa được cộng thưởng")).reference();

        assertThat(kinds(ref)).doesNotContain("INTAKE_RECEIPT");
    }

    @Test
    void aTimeBarredCounterComplaintGetsItsRefusalInsteadOfAReceipt() {
        ComplaintSubmission late = new ComplaintSubmission(Channel.IN_PERSON, null, Category.PAYMENT_DELAY,
                "Chậm rút tiền", "Từ hai tháng trước", LocalDate.now(ZONE).minusDays(60), null, customer());
        String ref = intake.submit(late, "agent", null).reference();
        driver.runJobs(ref);

        assertThat(kinds(ref)).containsExactly("REFUSAL");
    }

    @Test
    void tabsAndLineBreaksTypedIntoTheDescriptionReachTheReceipt() throws Exception {
        String ref = intake.submit(submission(Channel.HOTLINE, "Cuộc gọi", "Khách đọc mã\tGD-778\r\nqua điện thoại"),
                "agent", null).reference();

        assertThat(LetterPdfTest.pdfText(receiptOf(ref).content())).contains("GD-778", "qua điện thoại");
    }

    @Test
    void theStaffIntakePageOffersToPrintTheReceipt() throws Exception {
        MvcResult recorded = mvc.perform(post("/complaints/new").with(user("agent").roles("cs-agents")).with(csrf())
                        .param("channel", "IN_PERSON").param("category", "DELIVERY")
                        .param("subject", "Giao hàng trễ").param("description", "Đơn hàng trễ 5 ngày")
                        .param("incidentDate", LocalDate.now(ZONE).minusDays(1).toString())
                        .param("customer.name", "Nguyễn Thị Hằng").param("customer.phone", "+84912345678")
                        .param("customer.language", "vi"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("receipt"))
                .andReturn();
        String location = recorded.getResponse().getRedirectedUrl();
        Letters.Letter receipt = (Letters.Letter) recorded.getFlashMap().get("receipt");
        assertThat(receipt.kind()).isEqualTo("INTAKE_RECEIPT");

        // The flash attributes travel in the staff session, which lives in the database: follow with its cookie.
        Cookie session = recorded.getResponse().getCookie("SESSION");
        assertThat(session).as("the staff session cookie").isNotNull();
        mvc.perform(get(location).cookie(session).with(user("agent").roles("cs-agents")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "id=\"print-receipt\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        location.replace("/complaints/", "/api/complaints/") + "/letters/" + receipt.id())));
        mvc.perform(get(location.replace("/complaints/", "/api/complaints/") + "/letters/" + receipt.id())
                        .with(user("agent").roles("cs-agents")))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
    }

    private Letters.LetterFile receiptOf(String ref) {
        Complaint complaint = driver.complaint(ref);
        List<Letters.Letter> receipts = letters.of(complaint.id()).stream()
                .filter(l -> l.kind().equals("INTAKE_RECEIPT")).toList();
        assertThat(receipts).hasSize(1);
        return letters.file(complaint, receipts.get(0).id()).orElseThrow();
    }

    private List<String> kinds(String ref) {
        return letters.of(driver.complaint(ref).id()).stream().map(Letters.Letter::kind).toList();
    }

    private static ComplaintSubmission submission(Channel channel, String subject, String description) {
        return new ComplaintSubmission(channel, null, Category.PAYMENT_DELAY, subject, description,
                LocalDate.now(ZONE).minusDays(2), null, customer());
    }

    private static ComplaintSubmission.CustomerData customer() {
        return new ComplaintSubmission.CustomerData("Nguyễn Thị Hằng", null, "+84912345678", null, null, "vi");
    }
}
