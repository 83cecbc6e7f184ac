package vn.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.workflow.DeskHistoryLevel;

/** Auditors read everything of a complaint, merged with the engine's history; reading is logged. */
@DeskTest
class AuditFileTest {

    @Autowired MockMvc mvc;
    @Autowired ProcessDriver driver;
    @Autowired ComplaintEventLog eventLog;
    @Autowired AuditTimeline timeline;
    @Autowired JdbcClient jdbc;

    @Test
    void theFileMergesTheLogBookWithTheProcessHistoryAndRecordsWhoOpenedIt() throws Exception {
        String ref = driver.closed(Category.PROMOTION_TERMS);
        String page = mvc.perform(get("/audit/complaints/" + ref).with(user("auditor").roles("auditors")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-source=\"log\"", "data-source=\"engine\"", "data-source=\"variable\"",
                "Phân tích khiếu nại", "Giải quyết ngay (trả lời ngay lần đầu)", "data-deadline=\"reply\"");
        assertThat(eventLog.of(driver.complaint(ref).id()))
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("FILE_OPENED");
                    assertThat(e.actor()).isEqualTo("auditor");
                });
    }

    @Test
    void underTheDeskHistoryLevelTheFileKeepsStepsTimersRoutingChangesAndOperationsButNoJobLogOrTextChanges() {
        String ref = driver.submit(Category.PROMOTION_TERMS).reference();
        driver.fireTimer(ref, "Timer_ReplyWarning");
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "EXPLANATION", "replyText", "Chúng tôi giải thích điều kiện khuyến mãi."));
        driver.customer(ref, "CustomerAnswered", Map.of("accepts", true));
        driver.complete(ref, "RecordLessonsLearned", "agent", Map.of("lesson", "Viết rõ điều kiện",
                "trainingNeeded", false));

        List<AuditTimeline.Entry> file = timeline.of(driver.complaint(ref));
        assertThat(file).anySatisfy(e -> assertThat(e).extracting("source", "what", "actor")
                .containsExactly("engine", "Analyse complaint", "agent"));
        assertThat(file).anySatisfy(e -> assertThat(e).extracting("source", "what")
                .containsExactly("engine", "80 % of reply time"));
        assertThat(file).anySatisfy(e -> assertThat(e).extracting("source", "what", "detail")
                .containsExactly("variable", "outcome", "Resolve now (answer at first contact)"));
        assertThat(file).anySatisfy(e -> assertThat(e).extracting("source", "what", "detail")
                .containsExactly("variable", "remedy", "Explanation"));
        assertThat(file).anySatisfy(e -> assertThat(e).extracting("source", "actor")
                .containsExactly("operation", "agent"));

        String instance = jdbc.sql("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = :ref").param("ref", ref)
                .query(String.class).single();
        assertThat(jdbc.sql("SELECT DISTINCT NAME_ FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = :id").param("id", instance)
                .query(String.class).list()).isNotEmpty().isSubsetOf(DeskHistoryLevel.AUDITED_VARIABLES);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = :id AND NAME_ = 'replyDueAt'")
                .param("id", instance).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_INSTANCE_ID_ = :id")
                .param("id", instance).query(Long.class).single()).isZero();
    }

    @Test
    void theWholeFileExportsAsAPdfWithVietnameseIntact() throws Exception {
        String ref = driver.closed(Category.PROMOTION_TERMS);
        byte[] pdf = mvc.perform(get("/audit/complaints/" + ref + ".pdf").with(user("auditor").roles("auditors")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains(ref, "Phạm Quốc Anh", "Chưa nhận được tiền thưởng khuyến mãi");
        }
    }

    @Test
    void onlyAuditorsAndDirectorsOpenFiles() throws Exception {
        String ref = driver.submit(Category.OTHER).reference();
        mvc.perform(get("/audit/complaints/" + ref).with(user("agent").roles("cs-agents"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/complaints/" + ref).with(user("director").roles("cs-directors"))).andExpect(status().isOk());
    }

    @Test
    void searchFiltersAndTheCsvOpensInExcelWithVietnamese() throws Exception {
        String ref = driver.submit(Category.BILLING).reference();
        mvc.perform(get("/audit/complaints").param("reference", ref).param("category", "BILLING")
                        .with(user("auditor").roles("auditors")))
                .andExpect(content().string(Matchers.containsString("data-reference=\"" + ref + "\"")));
        mvc.perform(get("/audit/complaints").param("reference", ref).param("category", "DELIVERY")
                        .with(user("auditor").roles("auditors")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-reference=\"" + ref + "\""))));

        byte[] csv = mvc.perform(get("/audit/complaints.csv").param("reference", ref)
                        .with(user("auditor").roles("auditors")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(ref, "Phạm Quốc Anh");
    }

    @Test
    void aCsvCellNeverStartsAFormula() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.cell("Nguyễn, Văn A")).isEqualTo("\"Nguyễn, Văn A\"");
        assertThat(AuditCsv.cell("KN-2026-000001")).isEqualTo("KN-2026-000001");
    }

    @Test
    void aBadDateIsA400NotA500() throws Exception {
        mvc.perform(get("/audit/complaints").param("from", "hôm qua").with(user("auditor").roles("auditors")))
                .andExpect(status().isBadRequest());
    }
}
