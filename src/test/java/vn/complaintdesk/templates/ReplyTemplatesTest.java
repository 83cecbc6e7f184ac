package vn.complaintdesk.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.tasks.TaskWork;
import vn.complaintdesk.web.InvalidFieldsException;
import vn.complaintdesk.web.LocalizedFormats;

/**
 * The reply-template library: placeholders filled from the complaint (Vietnamese intact), unknown or
 * unfilled placeholders reported and never sent, the picker in both proposal forms, and the library
 * page kept by directors and administrators only.
 */
@DeskTest
class ReplyTemplatesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final RequestPostProcessor AGENT = user("agent").roles("cs-agents");
    private static final RequestPostProcessor DIRECTOR = user("director").roles("cs-directors");
    private static final RequestPostProcessor ADMIN = user("admin").roles("camunda-admin");

    @Autowired MockMvc mvc;
    @Autowired ProcessDriver driver;
    @Autowired ReplyTemplates library;
    @Autowired ReplyTemplateFiller filler;
    @Autowired DeadlineRepository deadlines;
    @Autowired TaskWork work;
    @Autowired Letters letters;

    @Test
    void placeholdersAreFilledFromTheComplaintWithVietnameseDiacritics() {
        String ref = proposalOf("Nguyễn Thị Hằng", "vi");
        Complaint complaint = driver.complaint(ref);
        String due = new LocalizedFormats(Locale.forLanguageTag("vi"), ZONE)
                .date(deadlines.find(complaint.id(), Deadline.RESOLUTION).orElseThrow().dueAt());
        ReplyTemplate template = saved("vi", "Kính gửi Quý khách {customer.name}, về khiếu nại {reference} "
                + "(“{subject}”, loại {category}), chúng tôi hoàn lại {amount} và giải quyết xong trước ngày "
                + "{resolutionDueAt}. Hotline {hotline}.");

        String filled = filler.fill(template, complaint, 1_500_000L);

        assertThat(filled).isEqualTo("Kính gửi Quý khách Nguyễn Thị Hằng, về khiếu nại " + ref
                + " (“Chưa nhận được tiền thưởng khuyến mãi”, loại Điều kiện khuyến mãi), chúng tôi hoàn lại "
                + "1.500.000 VND và giải quyết xong trước ngày " + due + ". Hotline 1900 0000.");
    }

    @Test
    void thePickerFillsTheTemplateForTheTasksComplaint() throws Exception {
        String ref = proposalOf("Nguyễn Thị Hằng", "vi");
        ReplyTemplate template = saved("vi", "Chúng tôi hoàn lại {amount} cho Quý khách {customer.name} ({reference}).");

        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution") + "/reply-templates/" + template.id())
                        .param("amount", "250000").with(AGENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(
                        "Chúng tôi hoàn lại 250.000 VND cho Quý khách Nguyễn Thị Hằng (" + ref + ")."));
    }

    @Test
    void anEnglishTemplateWritesTheAmountAndDatesTheEnglishWay() {
        String ref = proposalOf("Trần Văn Bình", "en");
        ReplyTemplate template = saved("en", "Dear {customer.name}, we refund {amount} ({category}).");

        assertThat(filler.fill(template, driver.complaint(ref), 1_500_000L))
                .isEqualTo("Dear Trần Văn Bình, we refund 1,500,000 VND (Promotion terms).");
    }

    @Test
    void aTemplateThatNeedsTheAmountIsNotInsertedBeforeTheAmountIsEntered() throws Exception {
        String ref = proposalOf("Nguyễn Thị Hằng", "vi");
        ReplyTemplate template = saved("vi", "Chúng tôi hoàn lại {amount}.");

        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution") + "/reply-templates/" + template.id())
                        .param("lang", "en").with(AGENT))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.text").doesNotExist())
                .andExpect(jsonPath("$.errors[0].field").value("replyText"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("{amount}")));
        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution") + "/reply-templates/" + template.id())
                        .param("amount", "-5").with(AGENT))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
    }

    @Test
    void unknownPlaceholderIsReportedNotSent() throws Exception {
        String name = unique("Mẫu sai");
        mvc.perform(post("/reply-templates/new").param("name", name).param("language", "vi")
                        .param("body", "Kính gửi Quý khách {customer.nam}, số tiền {so_tien}.")
                        .param("lang", "en").with(DIRECTOR).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-body\"")))
                .andExpect(content().string(Matchers.containsString("unknown placeholders: {customer.nam}, {so_tien}")));
        assertThat(library.search(name, 0).total()).isZero();

        // Whatever a template or an agent leaves between braces never reaches the customer's letter.
        String ref = proposalOf("Nguyễn Thị Hằng", "vi");
        assertThatThrownBy(() -> driver.complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Chậm",
                "remedy", "EXPLANATION", "replyText", "Kính gửi Quý khách {customer.name}, xin lỗi.")))
                .isInstanceOfSatisfying(InvalidFieldsException.class, invalid -> assertThat(invalid.problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("replyText");
                            assertThat(p.message()).contains("{customer.name}");
                        }));
        assertThat(letters.of(driver.complaint(ref).id())).isEmpty();
    }

    @Test
    void aValueWithBracesDoesNotLookLikeALeftOverPlaceholder() {
        assertThat(Placeholders.fill("Quý khách {customer.name}", Map.of("customer.name", "Lê {VIP} $1")))
                .isEqualTo("Quý khách Lê (VIP) $1");
        assertThatThrownBy(() -> Placeholders.fill("{customer.name} {amount}", Map.of("customer.name", "Lê")))
                .isInstanceOfSatisfying(Placeholders.Unfilled.class,
                        unfilled -> assertThat(unfilled.names()).containsExactly("amount"));
    }

    @Test
    void thePickerIsInBothProposalFormsWithTheCustomersLanguageFirst() throws Exception {
        String ref = proposalOf("Nguyễn Thị Hằng", "vi");
        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution")).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reply-template\"")))
                .andExpect(content().string(Matchers.containsString("/js/reply-templates.js")))
                .andExpect(content().string(Matchers.stringContainsInOrder(
                        "Cảm ơn góp ý (vi)", "Thank you for your feedback (en)")));

        String second = driver.replied(Category.PROMOTION_TERMS);
        driver.customer(second, "CustomerAnswered", Map.of("accepts", false, "reason", "Chưa thỏa đáng"));
        mvc.perform(get("/tasks/" + taskId(second, "ReviewSecondRound")).with(DIRECTOR))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reply-template\"")))
                .andExpect(content().string(Matchers.containsString("Thông báo chậm trễ xử lý (vi)")));
    }

    @Test
    void aDirectorCreatesAndEditsATemplateAndDeactivatesItSoAgentsNoLongerSeeIt() throws Exception {
        String name = unique("Xin lỗi khách hàng");
        mvc.perform(post("/reply-templates/new").param("name", name).param("language", "vi").param("purpose", "REPLY")
                        .param("body", "Chúng tôi thành thật xin lỗi Quý khách {customer.name}.").with(DIRECTOR).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/reply-templates"))
                .andExpect(flash().attribute("saved", name));
        ReplyTemplate created = library.search(name, 0).rows().get(0);
        assertThat(created.updatedBy()).isEqualTo("director");
        mvc.perform(get("/reply-templates").param("q", name).with(DIRECTOR))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(get("/reply-templates/" + created.id()).with(DIRECTOR))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("{customer.name}")));

        mvc.perform(post("/reply-templates/" + created.id()).param("name", name).param("language", "vi")
                        .param("purpose", "REPLY").param("body", "Chúng tôi rất tiếc, Quý khách {customer.name}.").param("active", "true")
                        .with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(library.find(created.id()).orElseThrow())
                .satisfies(t -> assertThat(t.body()).isEqualTo("Chúng tôi rất tiếc, Quý khách {customer.name}."))
                .satisfies(t -> assertThat(t.updatedBy()).isEqualTo("admin"));

        String ref = proposalOf("Nguyễn Thị Hằng", "vi");
        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution")).with(AGENT))
                .andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(post("/reply-templates/" + created.id() + "/deactivate").with(DIRECTOR).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("deactivated", name));
        assertThat(library.find(created.id()).orElseThrow().active()).isFalse();
        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution")).with(AGENT))
                .andExpect(content().string(Matchers.not(Matchers.containsString(name))));
        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution") + "/reply-templates/" + created.id()).with(AGENT))
                .andExpect(status().isNotFound());
    }

    @Test
    void libraryValidationMessagesStandNextToTheirFields() throws Exception {
        String name = unique("Trùng tên");
        library.create(name, "vi", "Nội dung", "director");
        mvc.perform(post("/reply-templates/new").param("name", name).param("language", "fr").param("body", " ")
                        .param("lang", "en").with(DIRECTOR).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-language\"")))
                .andExpect(content().string(Matchers.containsString("id=\"error-body\"")))
                .andExpect(content().string(Matchers.containsString("must be vi or en")));
        mvc.perform(post("/reply-templates/new").param("name", name).param("language", "vi").param("body", "Khác")
                        .param("lang", "en").with(DIRECTOR).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-name\"")))
                .andExpect(content().string(Matchers.containsString("already exists")));
    }

    @ParameterizedTest(name = "{0} gets 403 on the library")
    @CsvSource({"agent,cs-agents", "tech,dept-technical", "legal,legal", "auditor,auditors", "analyst,analysts"})
    void onlyDirectorsAndAdminsKeepTheLibrary(String userId, String group) throws Exception {
        RequestPostProcessor staff = user(userId).roles(group);
        long id = library.create(unique("Mẫu"), "vi", "Nội dung", "director");
        mvc.perform(get("/reply-templates").with(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/reply-templates/new").with(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/reply-templates/" + id).with(staff)).andExpect(status().isForbidden());
        mvc.perform(post("/reply-templates/new").param("name", unique("x")).param("language", "vi")
                .param("body", "x").with(staff).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/reply-templates/" + id + "/deactivate").with(staff).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(library.find(id).orElseThrow().active()).isTrue();
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/reply-templates/new").param("name", unique("x")).param("language", "vi")
                .param("body", "x").with(DIRECTOR)).andExpect(status().isForbidden());
    }

    @Test
    void badAddressesAnswer4xx() throws Exception {
        mvc.perform(get("/reply-templates/abc").with(DIRECTOR)).andExpect(status().isBadRequest());
        mvc.perform(get("/reply-templates/999999").with(DIRECTOR)).andExpect(status().isNotFound());
        mvc.perform(get("/reply-templates").param("page", "x").with(DIRECTOR)).andExpect(status().isBadRequest());
        mvc.perform(get("/reply-templates").param("page", String.valueOf(Integer.MAX_VALUE)).with(DIRECTOR))
                .andExpect(status().isOk());
        String ref = proposalOf("Nguyễn Thị Hằng", "vi");
        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution") + "/reply-templates/999999").with(AGENT))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/no-such-task/reply-templates/1").with(AGENT)).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/" + taskId(ref, "ProposeResolution") + "/reply-templates/1")
                .with(user("tech").roles("dept-technical"))).andExpect(status().isForbidden());
    }

    @Test
    void theLibraryIsSearchedAndPaged() throws Exception {
        String marker = unique("trang");
        for (int i = 0; i < ReplyTemplates.PAGE_SIZE + 3; i++) {
            library.create(marker + " " + i, "vi", "Nội dung " + i, "director");
        }
        ReplyTemplates.Page first = library.search(marker, 0);
        ReplyTemplates.Page second = library.search(marker, 1);

        assertThat(first.total()).isEqualTo(ReplyTemplates.PAGE_SIZE + 3);
        assertThat(first.rows()).hasSize(ReplyTemplates.PAGE_SIZE);
        assertThat(second.rows()).hasSize(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
        mvc.perform(get("/reply-templates").param("q", marker).param("page", "1").with(DIRECTOR))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("id=\"previous-page\"")));
        assertThat(library.search("100%_!", 0).total()).isZero();
    }

    private String proposalOf(String customerName, String language) {
        ComplaintSubmission submission = new ComplaintSubmission(Channel.WEB_FORM, null, Category.PROMOTION_TERMS,
                "Chưa nhận được tiền thưởng khuyến mãi", "Tôi đủ điều kiện nhưng chưa được cộng thưởng.",
                LocalDate.now(ZONE).minusDays(2), null, new ComplaintSubmission.CustomerData(customerName,
                        "hang.nguyen@example.vn", null, null, null, language));
        String ref = driver.submit(submission).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        return ref;
    }

    private String taskId(String ref, String taskKey) {
        return driver.task(ref, taskKey).getId();
    }

    private ReplyTemplate saved(String language, String body) {
        return library.find(library.create(unique("Mẫu thử"), language, body, "director")).orElseThrow();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
