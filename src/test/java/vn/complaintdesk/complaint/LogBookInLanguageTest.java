package vn.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/** The log book is recorded as data and read in the staff member's language, never as stored English. */
@DeskTest
class LogBookInLanguageTest {

    private static final Pattern CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    @Autowired ProcessDriver driver;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired LogBookText logBook;

    @Test
    void theLogBookOfAnApprovedRefundReadsInVietnameseWithoutCodesOrIsoTimes() throws Exception {
        String reference = approvedRefund();

        String timeline = timeline(page("/complaints/" + reference));

        assertThat(timeline).contains("Tạo công việc", "Phân tích khiếu nại", "Hoàn tiền", "2.000.000 ₫",
                "Tài chính: Giao dịch bị treo ở cổng thanh toán", "Phê duyệt", "Lần 1", "khách hàng");
        assertThat(CODE.matcher(timeline).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(ISO_TIME.matcher(timeline).find()).as(timeline).isFalse();
    }

    @Test
    void theSameEntriesReadInEnglishForAnEnglishReader() throws Exception {
        String reference = approvedRefund();

        String timeline = timeline(page("/complaints/" + reference + "?lang=en"));

        assertThat(timeline).contains("Task created", "Analyse complaint", "Refund", "2,000,000 ₫", "Round 1");
        assertThat(CODE.matcher(timeline).find()).isFalse();
    }

    @Test
    void anEntryRecordedBeforeTheLogBookKeptParametersShowsItsDetailAsWritten() throws Exception {
        String reference = driver.submit(vn.complaintdesk.complaint.Category.BILLING).reference();
        jdbc.sql("""
                INSERT INTO complaint_event (complaint_id, occurred_at, actor, event_type, detail)
                VALUES (:c, :at, 'system', 'TRIAGED', 'priority HIGH, department FINANCE')""")
                .param("c", driver.complaint(reference).id()).param("at", OffsetDateTime.now()).update();

        assertThat(timeline(page("/complaints/" + reference))).contains("Phân loại tự động priority HIGH, department FINANCE");
    }

    @Test
    void wordsAPersonWroteStayAsWrittenEvenWithBracketsOrBraces() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
        assertThat(logBook.text("NOTE", Map.of("file", "sao-ke.pdf"), "Xem [mục 2] và {amount}"))
                .isEqualTo("Xem [mục 2] và {amount} (sao-ke.pdf)");
        assertThat(logBook.text("NOTE", Map.of(), "Chỉ ghi chú")).isEqualTo("Chỉ ghi chú");
        assertThat(logBook.text("APPROVAL_REJECT", Map.of("round", "2"), null)).isEqualTo("Lần 2");
    }

    private String approvedRefund() {
        String reference = driver.submit(vn.complaintdesk.complaint.Category.PAYMENT_DELAY).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE", "departments", "FINANCE"));
        driver.complete(reference, "InvestigateInDepartment", "finance",
                Map.of("findings", "Giao dịch bị treo ở cổng thanh toán"));
        driver.complete(reference, "ProposeResolution", "agent", Map.of("rootCause", "Treo giao dịch", "remedy", "REFUND",
                "amount", 2_000_000, "replyText", "Chúng tôi hoàn tiền cho Quý khách."));
        driver.complete(reference, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        return reference;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user("agent").roles("cs-agents"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The visible text of the log book. */
    private static String timeline(String page) {
        int start = page.indexOf("id=\"timeline\"");
        String list = page.substring(start, page.indexOf("</ol>", start));
        return list.substring(list.indexOf('>') + 1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }
}
