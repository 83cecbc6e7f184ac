package vn.complaintdesk.tasks;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.security.StaffRoles;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/** Who may open which task form, and the form's validation messages in both languages. */
@DeskTest
class TaskFormAccessTest {

    @Autowired MockMvc mvc;
    @Autowired ProcessDriver driver;

    @ParameterizedTest(name = "{0} may not open AnalyzeComplaint")
    @CsvSource({"tech,dept-technical", "finance,dept-finance", "ops,dept-operations", "director,cs-directors",
            "legal,legal", "auditor,auditors", "analyst,analysts"})
    void rolesOutsideTheTaskGroupGet403OnItsForm(String userId, String group) throws Exception {
        String taskId = analyzeTask();
        mvc.perform(get("/tasks/" + taskId).with(staff(userId, group))).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + taskId).param("outcome", "RESOLVE_NOW").with(staff(userId, group)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @ParameterizedTest(name = "{0} may not open ApproveResolution")
    @CsvSource({"agent,cs-agents", "tech,dept-technical", "legal,legal", "auditor,auditors"})
    void onlyTheApproverGroupOpensTheApprovalForm(String userId, String group) throws Exception {
        String ref = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "x", "remedy", "REFUND",
                "amount", 1000, "replyText", "y"));
        String taskId = driver.task(ref, "ApproveResolution").getId();
        mvc.perform(get("/tasks/" + taskId).with(staff(userId, group))).andExpect(status().isForbidden());
        mvc.perform(get("/tasks/" + taskId).with(staff("director", StaffRoles.DIRECTORS))).andExpect(status().isOk());
    }

    @Test
    void theAgentOpensTheAnalysisForm() throws Exception {
        mvc.perform(get("/tasks/" + analyzeTask()).with(staff("agent", StaffRoles.AGENTS)))
                .andExpect(status().isOk()).andExpect(view().name("forms/AnalyzeComplaint"));
    }

    @Test
    void missingFieldsAreNamedNextToTheFieldInVietnameseByDefault() throws Exception {
        mvc.perform(post("/tasks/" + analyzeTask()).param("outcome", "NEED_INFO")
                        .with(staff("agent", StaffRoles.AGENTS)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"error-questionsForCustomer\"")))
                .andExpect(content().string(Matchers.containsString("là bắt buộc")));
    }

    @Test
    void missingFieldsAreNamedInEnglishWhenEnglishIsChosen() throws Exception {
        mvc.perform(post("/tasks/" + analyzeTask()).param("outcome", "INVESTIGATE").param("lang", "en")
                        .param("notes", "giữ lại ghi chú")
                        .with(staff("agent", StaffRoles.AGENTS)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("choose at least one department")))
                .andExpect(content().string(Matchers.containsString("giữ lại ghi chú")));
    }

    @Test
    void aCompletedTaskSendsTheSecondWorkerBackToTheTasklistWithAMessage() throws Exception {
        String taskId = analyzeTask();
        mvc.perform(post("/tasks/" + taskId).param("outcome", "RESOLVE_NOW")
                .with(staff("agent", StaffRoles.AGENTS)).with(csrf())).andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/tasks/" + taskId).with(staff("agent2", StaffRoles.AGENTS)))
                .andExpect(redirectedUrl("/tasks"));
    }

    @Test
    void onlyAgentsAndDirectorsRecordComplaintsForCustomers() throws Exception {
        mvc.perform(get("/complaints/new").with(staff("tech", "dept-technical"))).andExpect(status().isForbidden());
        mvc.perform(get("/complaints/new").with(staff("agent", StaffRoles.AGENTS))).andExpect(status().isOk());
    }

    private String analyzeTask() {
        String ref = driver.submit(Category.SERVICE_QUALITY).reference();
        return driver.task(ref, "AnalyzeComplaint").getId();
    }

    private static RequestPostProcessor staff(String userId, String group) {
        return user(userId).roles(group);
    }
}
