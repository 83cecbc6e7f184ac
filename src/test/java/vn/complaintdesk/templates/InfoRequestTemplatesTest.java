package vn.complaintdesk.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.web.InvalidFieldsException;

/**
 * Templates for the questions mailed to the customer (purpose INFO_REQUEST): offered in AnalyzeComplaint
 * only, never in the proposal forms and vice versa, filled without an amount, and kept apart on the
 * library page.
 */
@DeskTest
class InfoRequestTemplatesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final RequestPostProcessor AGENT = user("agent").roles("cs-agents");
    private static final RequestPostProcessor DIRECTOR = user("director").roles("cs-directors");

    @Autowired MockMvc mvc;
    @Autowired ProcessDriver driver;
    @Autowired ReplyTemplates library;
    @Autowired ReplyTemplateFiller filler;

    @Test
    void theAnalysisFormOffersOnlyInformationRequestsAndFillsTheQuestions() throws Exception {
        String ref = newComplaint("Nguyễn Thị Hằng", "vi");
        mvc.perform(get("/tasks/" + taskId(ref, "AnalyzeComplaint")).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-target=\"questionsForCustomer\"")))
                .andExpect(content().string(Matchers.stringContainsInOrder(
                        "Hỏi mã và thời gian giao dịch (vi)", "Transaction code and time (en)")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Cảm ơn góp ý"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-amount-source"))));

        mvc.perform(get("/tasks/" + taskId(ref, "AnalyzeComplaint") + "/reply-templates/"
                        + demo("Hỏi mã và thời gian giao dịch").id()).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(Matchers.startsWith("Để kiểm tra khiếu nại " + ref
                        + " về “Chưa nhận được tiền thưởng khuyến mãi”, chúng tôi kính đề nghị Quý khách "
                        + "Nguyễn Thị Hằng cung cấp thêm:")))
                .andExpect(jsonPath("$.text").value(Matchers.not(Matchers.containsString("{"))));
    }

    @Test
    void theProposalFormsDoNotOfferInformationRequests() throws Exception {
        String ref = newComplaint("Nguyễn Thị Hằng", "vi");
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution")).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-target=\"replyText\"")))
                .andExpect(content().string(Matchers.containsString("data-amount-source=\"amount\"")))
                .andExpect(content().string(Matchers.containsString("Cảm ơn góp ý (vi)")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Hỏi mã và thời gian giao dịch"))));
    }

    @Test
    void thePickerRefusesATemplateOfAnotherPurposeThanTheTasksForm() throws Exception {
        String ref = newComplaint("Nguyễn Thị Hằng", "vi");
        mvc.perform(get("/tasks/" + taskId(ref, "AnalyzeComplaint") + "/reply-templates/"
                        + demo("Cảm ơn góp ý").id()).with(AGENT))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.text").doesNotExist());

        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution") + "/reply-templates/"
                        + demo("Hỏi mã khuyến mãi").id()).with(AGENT))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.text").doesNotExist());
    }

    @Test
    void anAmountInAnInformationRequestIsReportedAsUnfillableNotLeftInBraces() throws Exception {
        String ref = newComplaint("Nguyễn Thị Hằng", "vi");
        // Written past the library page's check, as an older or imported row could be.
        ReplyTemplate template = library.find(library.create(unique("Hỏi số tiền"), "vi", TemplatePurpose.INFO_REQUEST,
                "Quý khách đã nạp {amount} vào lúc nào?", "director")).orElseThrow();

        mvc.perform(get("/tasks/" + taskId(ref, "AnalyzeComplaint") + "/reply-templates/" + template.id())
                        .param("amount", "500000").param("lang", "en").with(AGENT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.text").doesNotExist())
                .andExpect(jsonPath("$.errors[0].field").value("questionsForCustomer"))
                .andExpect(jsonPath("$.errors[0].message").value("{amount} cannot be filled for this complaint; "
                        + "the template was not inserted."));
        assertThatThrownBy(() -> filler.fill(template, driver.complaint(ref), 500_000L))
                .isInstanceOfSatisfying(Placeholders.Unfilled.class,
                        unfilled -> assertThat(unfilled.names()).containsExactly("amount"));
    }

    @Test
    void questionsStillHoldingAPlaceholderAreRefusedAtCompletion() {
        String ref = newComplaint("Nguyễn Thị Hằng", "vi");
        assertThatThrownBy(() -> driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "NEED_INFO",
                "questionsForCustomer", "Quý khách {customer.name} vui lòng gửi mã giao dịch.")))
                .isInstanceOfSatisfying(InvalidFieldsException.class, invalid -> assertThat(invalid.problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("questionsForCustomer");
                            assertThat(p.message()).contains("{customer.name}");
                        }));
    }

    @Test
    void theLibraryShowsAndFiltersThePurpose() throws Exception {
        String marker = unique("lọc");
        library.create(marker + " trả lời", "vi", TemplatePurpose.REPLY, "Nội dung", "director");
        library.create(marker + " hỏi", "vi", TemplatePurpose.INFO_REQUEST, "Câu hỏi", "director");

        assertThat(library.search(marker, TemplatePurpose.INFO_REQUEST, 0).rows())
                .singleElement().satisfies(t -> assertThat(t.name()).isEqualTo(marker + " hỏi"));
        assertThat(library.search(marker, null, 0).total()).isEqualTo(2);
        assertThat(library.search("", TemplatePurpose.INFO_REQUEST, 0).rows())
                .allSatisfy(t -> assertThat(t.purpose()).isEqualTo(TemplatePurpose.INFO_REQUEST));

        mvc.perform(get("/reply-templates").param("q", marker).param("purpose", "INFO_REQUEST").param("lang", "en")
                        .with(DIRECTOR))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(marker + " hỏi")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(marker + " trả lời"))))
                .andExpect(content().string(Matchers.containsString(
                        "Information request (questions mailed to the customer)")));
        mvc.perform(get("/reply-templates").param("q", marker).param("purpose", "NONSENSE").with(DIRECTOR))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(marker + " trả lời")))
                .andExpect(content().string(Matchers.containsString(marker + " hỏi")));
    }

    @Test
    void theLibraryAcceptsOnlyTheTwoPurposesAndNoAmountInAnInformationRequest() throws Exception {
        String name = unique("Hỏi sao kê");
        for (String purpose : new String[] {"SURVEY", ""}) {
            mvc.perform(post("/reply-templates/new").param("name", name).param("language", "vi")
                            .param("purpose", purpose).param("body", "Quý khách vui lòng gửi sao kê.")
                            .param("lang", "en").with(DIRECTOR).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("id=\"error-purpose\"")))
                    .andExpect(content().string(Matchers.containsString(
                            "must be a reply text or an information request")));
        }
        mvc.perform(post("/reply-templates/new").param("name", name).param("language", "vi")
                        .param("purpose", "INFO_REQUEST").param("body", "Quý khách đã chuyển {amount}?")
                        .param("lang", "en").with(DIRECTOR).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-body\"")))
                .andExpect(content().string(Matchers.containsString("uses {amount}")));
        assertThat(library.search(name, 0).total()).isZero();

        mvc.perform(post("/reply-templates/new").param("name", name).param("language", "vi")
                        .param("purpose", "INFO_REQUEST").param("body", "Quý khách {customer.name} vui lòng gửi sao kê.")
                        .with(DIRECTOR).with(csrf()))
                .andExpect(status().is3xxRedirection());
        ReplyTemplate created = library.search(name, 0).rows().get(0);
        assertThat(created.purpose()).isEqualTo(TemplatePurpose.INFO_REQUEST);

        mvc.perform(post("/reply-templates/" + created.id()).param("name", name).param("language", "vi")
                        .param("purpose", "REPLY").param("body", "Chúng tôi đã hoàn lại {amount}.")
                        .param("active", "true").with(DIRECTOR).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(library.find(created.id()).orElseThrow().purpose()).isEqualTo(TemplatePurpose.REPLY);
        mvc.perform(get("/reply-templates/" + created.id()).with(DIRECTOR))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<option value=\"REPLY\" selected=\"selected\"")));
    }

    private String newComplaint(String customerName, String language) {
        ComplaintSubmission submission = new ComplaintSubmission(Channel.WEB_FORM, null, Category.PROMOTION_TERMS,
                "Chưa nhận được tiền thưởng khuyến mãi", "Tôi đủ điều kiện nhưng chưa được cộng thưởng.",
                LocalDate.now(ZONE).minusDays(2), null, new ComplaintSubmission.CustomerData(customerName,
                        "hang.nguyen@example.vn", null, null, null, language));
        return driver.submit(submission).reference();
    }

    private String taskId(String ref, String taskKey) {
        return driver.task(ref, taskKey).getId();
    }

    /** A template shipped with the database (V7, V10). */
    private ReplyTemplate demo(String name) {
        return library.search(name, 0).rows().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
