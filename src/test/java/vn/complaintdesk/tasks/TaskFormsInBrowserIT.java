package vn.complaintdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.channels.CustomerMessage;
import vn.complaintdesk.channels.CustomerMessageRouter;
import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.portal.CustomerEvents;
import vn.complaintdesk.support.Browser;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/**
 * Every staff task form in a real browser: a complaint is brought to the task through the
 * application's services, the right demo user opens it from the tasklist, submits once with a
 * mistake (the error shows next to the field, what was typed stays), fixes it and completes, and
 * the process moves on. Set {@code -Dforms.screenshots=<dir>} to keep screenshots (desktop and tablet).
 */
@DeskIntegrationTest
class TaskFormsInBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final By LOGOUT = By.cssSelector("form[action$='/logout'] button");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Map<String, Set<String>> GROUPS = Map.of(
            "agent", Set.of("cs-agents"), "tech", Set.of("dept-technical"), "director", Set.of("cs-directors"),
            "director2", Set.of("cs-directors"), "legal", Set.of("legal"));

    @LocalServerPort int port;
    @Autowired org.springframework.context.MessageSource messageSource;
    @Autowired IntakeService intake;
    @Autowired TaskWork work;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired CustomerEvents customerEvents;
    @Autowired ComplaintRepository complaints;
    @Autowired HandlingRecords records;
    @Autowired WorkingDayCalendar calendar;
    @Autowired JdbcClient jdbc;
    @Autowired CustomerMessageRouter router;

    // ---------------------------------------------------------------- one test per form

    @Test
    void technicianRecordsFindings() {
        String ref = newComplaint();
        complete(ref, "AnalyzeComplaint", "agent",
                Map.of("outcome", "INVESTIGATE", "departments", List.of("TECHNICAL"), "notes", "Kiểm tra log"));
        awaitTask(ref, "InvestigateInDepartment");

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "tech");
            openFromTasklist(browser, ref, "InvestigateInDepartment");
            assertThat(driver.findElement(By.id("department")).getText()).contains("Technical");

            driver.findElement(By.id("rootCause")).sendKeys("Job cộng thưởng bị lỗi");
            driver.findElement(By.id("complete")).click();
            assertError(driver, "findings", "findings", "is required");
            assertThat(value(driver, "rootCause")).isEqualTo("Job cộng thưởng bị lỗi");
            screenshot(driver, "InvestigateInDepartment-error");

            driver.findElement(By.id("findings")).sendKeys("Job cộng thưởng ngày 12/11 dừng giữa chừng.");
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "InvestigateInDepartment");
        }
        awaitTask(ref, "ProposeResolution");
        assertThat(records.investigations(complaintId(ref))).singleElement()
                .satisfies(i -> assertThat(i.department()).isEqualTo("TECHNICAL"));
    }

    @Test
    void agentProposesARefund() {
        String ref = newComplaint();
        complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        awaitTask(ref, "ProposeResolution");

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "agent");
            openFromTasklist(browser, ref, "ProposeResolution");
            assertAbsent(browser, By.id("prefilled"));

            driver.findElement(By.id("rootCause")).sendKeys("Thưởng bị cộng chậm");
            driver.findElement(By.id("remedy-REFUND")).click();
            driver.findElement(By.id("replyText")).sendKeys("Chúng tôi hoàn lại phí giao dịch.");
            driver.findElement(By.id("complete")).click();
            assertError(driver, "amount", "amount", "is required for this remedy");
            assertThat(value(driver, "rootCause")).isEqualTo("Thưởng bị cộng chậm");
            assertThat(value(driver, "replyText")).isEqualTo("Chúng tôi hoàn lại phí giao dịch.");
            assertThat(driver.findElement(By.id("remedy-REFUND")).isSelected()).isTrue();
            assertThat(driver.findElement(By.id("amount")).getAttribute("type")).isEqualTo("number");
            screenshot(driver, "ProposeResolution-error");

            driver.findElement(By.id("amount")).sendKeys("250000");
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "ProposeResolution");
        }
        awaitTask(ref, "ApproveResolution");
        assertThat(records.latestProposal(complaintId(ref)).orElseThrow().amount()).isEqualTo(250_000L);
    }

    @Test
    void directorApprovesTheProposal() {
        String ref = awaitingApproval();

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "director");
            openFromTasklist(browser, ref, "ApproveResolution");
            assertThat(driver.findElement(By.id("proposal-amount")).getText()).isEqualTo("250.000 ₫");
            assertThat(driver.findElement(By.id("proposal-remedy")).getText()).isEqualTo("Refund");
            assertThat(driver.findElement(By.id("proposal-reply-text")).getText())
                    .isEqualTo("Chúng tôi hoàn lại phí giao dịch.");

            driver.findElement(By.id("decision-MORE_INVESTIGATION")).click();
            driver.findElement(By.id("complete")).click();
            assertError(driver, "comment", "comment", "is required");
            assertThat(driver.findElement(By.id("decision-MORE_INVESTIGATION")).isSelected()).isTrue();
            screenshot(driver, "ApproveResolution-error");

            driver.findElement(By.id("decision-APPROVE")).click();
            driver.findElement(By.id("comment")).sendKeys("Đồng ý hoàn tiền");
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "ApproveResolution");
        }
        await(() -> customerEvents.isWaitingFor(ref, CustomerEvents.ANSWERED), "reply letter sent for " + ref);
        assertThat(complaints.require(ref).status()).isEqualTo(ComplaintStatus.REPLIED);
    }

    @Test
    void directorRejectsAndTheAgentSeesTheCommentOnTheReworkedProposal() {
        String ref = awaitingApproval();
        String comment = "Số tiền quá cao: chỉ hoàn phí giao dịch, không hoàn toàn bộ";

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "director");
            openFromTasklist(browser, ref, "ApproveResolution");
            driver.findElement(By.id("decision-REJECT")).click();
            driver.findElement(By.id("comment")).sendKeys(comment);
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "ApproveResolution");
            awaitTask(ref, "ProposeResolution");

            logout(browser);
            login(browser, "agent");
            openFromTasklist(browser, ref, "ProposeResolution");
            assertThat(driver.findElement(By.id("rejection-comment")).getText()).isEqualTo(comment);
            assertThat(driver.findElement(By.id("approval-alert")).getText()).contains("rejected", "director");
            assertAbove(driver, "rejection-comment", "task-form");
            // The rejected proposal comes back to be reworked.
            assertThat(driver.findElements(By.id("prefilled"))).hasSize(1);
            assertThat(value(driver, "rootCause")).isEqualTo("Thưởng bị cộng chậm");
            assertThat(driver.findElement(By.id("remedy-REFUND")).isSelected()).isTrue();
            assertThat(value(driver, "amount")).isEqualTo("250000");
            assertThat(value(driver, "replyText")).isEqualTo("Chúng tôi hoàn lại phí giao dịch.");
            screenshot(driver, "ProposeResolution-rejected");

            driver.findElement(By.id("amount")).clear();
            driver.findElement(By.id("amount")).sendKeys("20000");
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "ProposeResolution");
            awaitTask(ref, "ApproveResolution");

            // The director sees their earlier comment, marked as answered by a revised proposal.
            logout(browser);
            login(browser, "director");
            openFromTasklist(browser, ref, "ApproveResolution");
            assertThat(driver.findElement(By.id("rejection-comment")).getText()).isEqualTo(comment);
            assertThat(driver.findElements(By.id("proposal-revised"))).hasSize(1);
            assertThat(driver.findElement(By.id("proposal-amount")).getText()).isEqualTo("20.000 ₫");
        }
    }

    @Test
    void directorReviewsTheSecondRoundAndInvitesToAMeeting() {
        String ref = inSecondRound();

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "director");
            openFromTasklist(browser, ref, "ReviewSecondRound");
            assertThat(driver.findElement(By.id("customer-reason")).getText())
                    .isEqualTo("Tôi vẫn chưa nhận được thưởng");
            assertAbove(driver, "customer-reason", "task-form");
            // The first round's proposal is the starting point of the review.
            assertThat(value(driver, "rootCause")).isEqualTo("Điều kiện chưa rõ");
            assertThat(driver.findElement(By.id("remedy-EXPLANATION")).isSelected()).isTrue();
            assertThat(driver.findElement(By.id("meetingAt")).getAttribute("type")).isEqualTo("datetime-local");

            driver.findElement(By.id("remedy-VOUCHER")).click();
            driver.findElement(By.id("amount")).sendKeys("100000");
            setValue(driver, "meetingAt", "2030-01-15T09:30");
            driver.findElement(By.id("replyText")).clear();
            driver.findElement(By.id("complete")).click();
            assertError(driver, "replyText", "replyText", "is required");
            assertThat(value(driver, "meetingAt")).isEqualTo("2030-01-15T09:30");
            assertThat(value(driver, "amount")).isEqualTo("100000");
            assertThat(driver.findElement(By.id("remedy-VOUCHER")).isSelected()).isTrue();
            assertAbsent(browser, By.id("prefilled"));
            screenshot(driver, "ReviewSecondRound-error");

            driver.findElement(By.id("replyText")).sendKeys("Mời quý khách gặp mặt để thống nhất phương án.");
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "ReviewSecondRound");

            // Four eyes: the director who wrote the second reply sees why they cannot approve it.
            awaitTask(ref, "ApproveResolution");
            openFromTasklist(browser, ref, "ApproveResolution");
            assertThat(driver.findElement(By.id("four-eyes")).getText()).contains("cannot approve");
            assertThat(driver.findElement(By.id("complete")).isEnabled()).isFalse();
            logout(browser);
            login(browser, "director2");
            openFromTasklist(browser, ref, "ApproveResolution");
            assertAbsent(browser, By.id("four-eyes"));
            driver.findElement(By.id("decision-APPROVE")).click();
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "ApproveResolution");
        }
        await(() -> customerEvents.isWaitingFor(ref, CustomerEvents.ANSWERED), "meeting invitation sent for " + ref);
        HandlingRecords.Proposal proposal = records.latestProposal(complaintId(ref)).orElseThrow();
        assertThat(proposal.round()).isEqualTo(2);
        assertThat(proposal.meetingAt().atZoneSameInstant(calendar.zone()).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2030, 1, 15, 9, 30));
    }

    @Test
    void legalFilesTheExternalEscalation() {
        String ref = escalated();

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "legal");
            openFromTasklist(browser, ref, "HandleExternalEscalation");
            assertThat(driver.findElement(By.id("customer-reason")).getText())
                    .isEqualTo("Tôi sẽ khiếu nại lên Sở Công Thương");
            assertThat(driver.findElement(By.id("filedAt")).getAttribute("type")).isEqualTo("date");

            driver.findElement(By.id("route-REGULATOR")).click();
            setValue(driver, "filedAt", "2026-11-20");
            driver.findElement(By.id("complete")).click();
            assertError(driver, "caseReference", "caseReference", "is required");
            assertThat(driver.findElement(By.id("route-REGULATOR")).isSelected()).isTrue();
            assertThat(value(driver, "filedAt")).isEqualTo("2026-11-20");
            screenshot(driver, "HandleExternalEscalation-error");

            driver.findElement(By.id("caseReference")).sendKeys("SCT-HN-2026-118");
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "HandleExternalEscalation");
        }
        awaitTask(ref, "RecordEscalationOutcome");
        HandlingRecords.Escalation escalation = records.escalation(complaintId(ref)).orElseThrow();
        assertThat(escalation.caseReference()).isEqualTo("SCT-HN-2026-118");
        assertThat(escalation.filedAt()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void legalRecordsTheEscalationOutcome() {
        String ref = escalated();
        complete(ref, "HandleExternalEscalation", "legal",
                Map.of("route", "MEDIATION", "caseReference", "HG-2026-07", "filedAt", "2026-11-20"));
        awaitTask(ref, "RecordEscalationOutcome");

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "legal");
            openFromTasklist(browser, ref, "RecordEscalationOutcome");
            assertThat(driver.findElement(By.id("escalation-case-reference")).getText()).isEqualTo("HG-2026-07");
            assertThat(driver.findElement(By.id("escalation-route")).getText()).isEqualTo("Mediation");
            assertThat(driver.findElement(By.id("escalation-filed-at")).getText()).isEqualTo("20/11/2026");

            driver.findElement(By.id("summary")).sendKeys("Hòa giải viên xác nhận điều lệ khuyến mãi rõ ràng");
            driver.findElement(By.id("complete")).click();
            assertError(driver, "outcome", "outcome-COMPANY_UPHELD", "is required");
            assertThat(value(driver, "summary")).isEqualTo("Hòa giải viên xác nhận điều lệ khuyến mãi rõ ràng");
            screenshot(driver, "RecordEscalationOutcome-error");

            // With the keyboard only: choose among the options with the arrow keys, tab to the button, press Enter.
            driver.findElement(By.id("outcome-CUSTOMER_UPHELD")).sendKeys(Keys.SPACE);
            driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
            assertThat(driver.findElement(By.id("outcome-COMPANY_UPHELD")).isSelected()).isTrue();
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("summary");
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("complete");
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            assertCompleted(browser, ref, "RecordEscalationOutcome");
        }
        awaitTask(ref, "RecordLessonsLearned");
        assertThat(records.escalation(complaintId(ref)).orElseThrow().outcome()).isEqualTo("COMPANY_UPHELD");
    }

    @Test
    void agentRecordsLessonsLearned() {
        String ref = replied();
        customer(ref, CustomerEvents.ANSWERED, Map.of("accepts", true));
        awaitTask(ref, "RecordLessonsLearned");

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "agent");
            openFromTasklist(browser, ref, "RecordLessonsLearned");
            assertThat(driver.findElement(By.id("customer-answer")).getText()).isEqualTo("The customer accepts");
            assertThat(driver.findElement(By.id("trainingNeeded")).getAttribute("type")).isEqualTo("checkbox");

            driver.findElement(By.id("trainingNeeded")).click();
            driver.findElement(By.id("complete")).click();
            assertError(driver, "lesson", "lesson", "is required");
            assertThat(driver.findElement(By.id("trainingNeeded")).isSelected()).isTrue();
            screenshot(driver, "RecordLessonsLearned-error");

            driver.findElement(By.id("lesson")).sendKeys("Viết rõ điều kiện khuyến mãi trên trang chủ", Keys.TAB);
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("trainingNeeded");
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("complete");
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            assertCompleted(browser, ref, "RecordLessonsLearned");
        }
        await(() -> complaints.require(ref).status() == ComplaintStatus.CLOSED, ref + " closed");
        assertThat(jdbc.sql("SELECT training_needed FROM lesson_learned WHERE complaint_id = :c")
                .param("c", complaintId(ref)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void directorWinsBackADissatisfiedCustomer() {
        String ref = replied();
        customer(ref, CustomerEvents.ANSWERED, Map.of("accepts", true));
        complete(ref, "RecordLessonsLearned", "agent", Map.of("lesson", "Viết rõ điều kiện"));
        fireTimer(ref, "Timer_SurveyDelay");
        await(() -> customerEvents.isWaitingFor(ref, CustomerEvents.SURVEY_ANSWERED), "survey sent for " + ref);
        customer(ref, CustomerEvents.SURVEY_ANSWERED, Map.of("rating", "2", "comment", "Xử lý chậm quá"));
        awaitTask(ref, "RecoverDissatisfiedCustomer");

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "director");
            openFromTasklist(browser, ref, "RecoverDissatisfiedCustomer");
            assertThat(driver.findElement(By.id("survey-rating")).getText()).isEqualTo("2/5");
            assertThat(driver.findElement(By.id("survey-comment")).getText()).isEqualTo("Xử lý chậm quá");

            driver.findElement(By.id("notes")).sendKeys("Khách hàng đồng ý tiếp tục sử dụng dịch vụ");
            driver.findElement(By.id("complete")).click();
            assertError(driver, "action", "action", "is required");
            assertThat(value(driver, "notes")).isEqualTo("Khách hàng đồng ý tiếp tục sử dụng dịch vụ");
            screenshot(driver, "RecoverDissatisfiedCustomer-error");

            driver.findElement(By.id("action")).sendKeys("Gọi điện xin lỗi, tặng voucher 50.000 ₫");
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "RecoverDissatisfiedCustomer");
        }
        await(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).count() == 0,
                "process of " + ref + " ended");
    }

    /** AnalyzeComplaint after a request for information and a director's "investigate further". */
    @Test
    void agentClassifiesAReplyTheDeskCouldNotRead() {
        String ref = replied();
        String words = "Để tôi hỏi lại kế toán bên tôi rồi báo lại sau.";
        router.route(new CustomerMessage(vn.complaintdesk.complaint.Channel.LIVE_CHAT, null, "live-chat",
                java.util.UUID.randomUUID().toString(),
                new CustomerMessage.Sender(null, "anh.pham@example.vn", null, null, null, null), null, words,
                List.of(), List.of(), ref, null, null, words.length(), null));
        awaitTask(ref, "ClassifyCustomerReply");

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "agent");
            openFromTasklist(browser, ref, "ClassifyCustomerReply");
            assertThat(driver.findElement(By.id("customer-reply-text")).getText()).isEqualTo(words);
            assertAbove(driver, "customer-reply", "task-form");

            driver.findElement(By.id("comment")).sendKeys("Khách chưa trả lời rõ");
            driver.findElement(By.id("complete")).click();
            assertError(driver, "kind", "kind-ACCEPT", "is required");
            assertThat(value(driver, "comment")).isEqualTo("Khách chưa trả lời rõ");
            screenshot(driver, "ClassifyCustomerReply-error");

            driver.findElement(By.id("kind-INFO")).click();
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "ClassifyCustomerReply");
        }
        await(() -> customerEvents.isWaitingFor(ref, CustomerEvents.ANSWERED), "waiting again for " + ref);
        assertThat(jdbc.sql("SELECT detail || ' ' || params FROM complaint_event WHERE complaint_id = :c AND event_type = 'REPLY_CLASSIFIED'")
                .param("c", complaintId(ref)).query(String.class).single())
                .isEqualTo("Khách chưa trả lời rõ {\"kind\":\"INFO\"}");
    }

    @Test
    void analysisShowsTheWholeFileSoFar() {
        String ref = newComplaint();
        complete(ref, "AnalyzeComplaint", "agent",
                Map.of("outcome", "NEED_INFO", "questionsForCustomer", "Mã giao dịch nạp tiền là gì?"));
        await(() -> customerEvents.isWaitingFor(ref, CustomerEvents.INFO_PROVIDED), "info request for " + ref);
        customer(ref, CustomerEvents.INFO_PROVIDED, Map.of("information", "Mã giao dịch GD-778"));
        complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE", "departments", "TECHNICAL"));
        complete(ref, "InvestigateInDepartment", "tech",
                Map.of("findings", "Job cộng thưởng dừng giữa chừng", "rootCause", "Lỗi job"));
        complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Lỗi job", "remedy", "BONUS_CREDIT",
                "amount", "1250000", "replyText", "Chúng tôi cộng bù tiền thưởng."));
        complete(ref, "ApproveResolution", "director",
                Map.of("decision", "MORE_INVESTIGATION", "comment", "Cần bộ phận Tài chính xác nhận số tiền"));
        awaitTask(ref, "AnalyzeComplaint");

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            login(browser, "agent");
            openFromTasklist(browser, ref, "AnalyzeComplaint");
            assertThat(driver.findElement(By.id("rejection-comment")).getText())
                    .isEqualTo("Cần bộ phận Tài chính xác nhận số tiền");
            assertThat(driver.findElement(By.id("approval-alert")).getText()).contains("more investigation");
            assertThat(driver.findElement(By.id("context-info-requests")).getText())
                    .contains("Mã giao dịch nạp tiền là gì?", "Mã giao dịch GD-778");
            assertThat(driver.findElement(By.id("investigation-TECHNICAL")).getText())
                    .contains("Technical", "Job cộng thưởng dừng giữa chừng", "Lỗi job");
            assertThat(driver.findElement(By.id("proposal-amount")).getText()).isEqualTo("1.250.000 ₫");
            assertThat(driver.findElement(By.id("handling-round")).getText()).isEqualTo("Round 1");
            screenshot(driver, "AnalyzeComplaint-context");

            driver.findElement(By.id("outcome-INVESTIGATE")).click();
            driver.findElement(By.id("department-FINANCE")).click();
            driver.findElement(By.id("complete")).click();
            assertCompleted(browser, ref, "AnalyzeComplaint");
        }
        awaitTask(ref, "InvestigateInDepartment");
    }

    @Test
    void formTextsExistInVietnameseAndEnglish() throws IOException {
        Properties vi = properties("forms_vi.properties");
        Properties en = properties("forms_en.properties");
        assertThat(vi).isNotEmpty();
        assertThat(en.keySet()).isEqualTo(vi.keySet());
        // Any other language falls back to the Vietnamese texts.
        for (String key : vi.stringPropertyNames()) {
            assertThat(messageSource.getMessage(key, null, java.util.Locale.FRENCH)).as(key).isEqualTo(vi.getProperty(key));
        }
    }

    // ---------------------------------------------------------------- bringing complaints to a task

    private String newComplaint() {
        String ref = intake.submit(Complaints.submission(Category.PROMOTION_TERMS, LocalDate.now().minusDays(1)), null,
                null).reference();
        awaitTask(ref, "AnalyzeComplaint");
        return ref;
    }

    /** A refund of 250.000 ₫ proposed at first contact: money always needs the director. */
    private String awaitingApproval() {
        String ref = newComplaint();
        complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Thưởng bị cộng chậm", "remedy", "REFUND",
                "amount", "250000", "replyText", "Chúng tôi hoàn lại phí giao dịch."));
        awaitTask(ref, "ApproveResolution");
        return ref;
    }

    /** An explanation at first contact needs no approval: the reply goes out at once. */
    private String replied() {
        String ref = newComplaint();
        complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Điều kiện chưa rõ", "remedy", "EXPLANATION",
                "replyText", "Chúng tôi giải thích điều kiện khuyến mãi."));
        await(() -> customerEvents.isWaitingFor(ref, CustomerEvents.ANSWERED), "reply to " + ref);
        return ref;
    }

    private String inSecondRound() {
        String ref = replied();
        customer(ref, CustomerEvents.ANSWERED, Map.of("accepts", false, "reason", "Tôi vẫn chưa nhận được thưởng"));
        awaitTask(ref, "ReviewSecondRound");
        return ref;
    }

    private String escalated() {
        String ref = inSecondRound();
        complete(ref, "ReviewSecondRound", "director2", Map.of("rootCause", "Điều kiện chưa rõ", "remedy", "EXPLANATION",
                "replyText", "Chúng tôi giữ nguyên giải thích."));
        complete(ref, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        await(() -> customerEvents.isWaitingFor(ref, CustomerEvents.ANSWERED), "second reply to " + ref);
        customer(ref, CustomerEvents.ANSWERED, Map.of("accepts", false, "reason", "Tôi sẽ khiếu nại lên Sở Công Thương"));
        awaitTask(ref, "HandleExternalEscalation");
        return ref;
    }

    private void complete(String ref, String taskKey, String user, Map<String, Object> fields) {
        work.complete(awaitTask(ref, taskKey).getId(), user, GROUPS.get(user), fields, Locale.ENGLISH);
    }

    private void customer(String ref, String message, Map<String, Object> payload) {
        customerEvents.deliver(complaints.require(ref), message, payload, "customer");
    }

    private void fireTimer(String ref, String activityId) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
                .processDefinitionKey("complaint-handling").singleResult().getId();
        await(() -> managementService.createJobQuery().processInstanceId(instance).timers().activityId(activityId)
                .count() == 1, activityId + " of " + ref);
        Job timer = managementService.createJobQuery().processInstanceId(instance).timers().activityId(activityId)
                .singleResult();
        managementService.executeJob(timer.getId());
    }

    private Task awaitTask(String ref, String taskKey) {
        Task[] found = new Task[1];
        await(() -> {
            List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(ref).taskDefinitionKey(taskKey)
                    .active().list();
            found[0] = open.isEmpty() ? null : open.get(0);
            return found[0] != null;
        }, taskKey + " for " + ref);
        return found[0];
    }

    private long complaintId(String ref) {
        return complaints.require(ref).id();
    }

    private static void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // ---------------------------------------------------------------- in the browser

    /**
     * Opens the task from its tasklist row, checks the form in Vietnamese and English (every text
     * found, every element id unique), and leaves it shown in English.
     */
    private void openFromTasklist(Browser browser, String ref, String taskKey) {
        WebDriver driver = browser.driver();
        browser.open("/tasks?reference=" + ref + "&lang=vi");
        WebElement row = driver.findElement(By.cssSelector(
                "tr[data-reference='" + ref + "'][data-task-key='" + taskKey + "']"));
        row.findElement(By.linkText("Mở")).click();
        String form = driver.getCurrentUrl();
        assertThat(form).matches(".*/tasks/[^/?]+$");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertWellFormed(driver, taskKey);
        screenshot(driver, taskKey + "-vi");

        driver.get(form + "?lang=en");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertWellFormed(driver, taskKey);
        assertThat(driver.findElement(By.id("complaint-subject")).getText())
                .isEqualTo("Chưa nhận được tiền thưởng khuyến mãi");
        assertAbsent(browser, By.id("form-errors"));
    }

    private static void assertWellFormed(WebDriver driver, String taskKey) {
        String page = driver.getPageSource();
        assertThat(page).as("a message key without text on " + taskKey).doesNotContain("??");
        Set<String> ids = new HashSet<>();
        Matcher id = ID.matcher(page);
        while (id.find()) {
            assertThat(ids.add(id.group(1))).as("element id " + id.group(1) + " unique on " + taskKey).isTrue();
        }
        assertThat(ids).contains("complaint-summary", "task-form", "complete");
    }

    /** The error is shown, in the same group (field block or fieldset) as the input it is about. */
    private static void assertError(WebDriver driver, String field, String inputId, String text) {
        WebElement error = driver.findElement(By.id("error-" + field));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains(text);
        WebElement group = error.findElement(By.xpath(
                "ancestor::*[self::fieldset or contains(concat(' ', @class, ' '), ' mb-3 ')][1]"));
        assertThat(group.findElements(By.id(inputId))).as("input " + inputId + " next to its error").hasSize(1);
        assertThat(driver.findElement(By.id("form-errors")).isDisplayed()).isTrue();
    }

    private static void assertCompleted(Browser browser, String ref, String taskKey) {
        assertThat(browser.driver().findElement(By.id("success")).getText()).contains("Task completed");
        assertAbsent(browser, By.cssSelector("tr[data-reference='" + ref + "'][data-task-key='" + taskKey + "']"));
    }

    private static void assertAbsent(Browser browser, By what) {
        assertThat(browser.findNow(what)).as(what.toString()).isEmpty();
    }

    private static void assertAbove(WebDriver driver, String upperId, String lowerId) {
        assertThat(driver.findElement(By.id(upperId)).getLocation().getY())
                .isLessThan(driver.findElement(By.id(lowerId)).getLocation().getY());
    }

    private static String value(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    /** Date and time pickers: typing into them depends on the browser's locale, so set the value. */
    private static void setValue(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), value);
    }

    /**
     * Logs in and waits for the page after login: the login form's redirect must have landed before the
     * next {@code open}, or that navigation may race with it (and end on the default page instead).
     */
    private static void login(Browser browser, String user) {
        browser.login(user, "demo");
        browser.driver().findElement(LOGOUT);
    }

    private static void logout(Browser browser) {
        browser.driver().findElement(LOGOUT).click();
        browser.driver().findElement(By.name("username"));
        assertAbsent(browser, LOGOUT);
    }

    private static void screenshot(WebDriver driver, String name) {
        String dir = System.getProperty("forms.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of(dir, name + "-desktop.png"), StandardCopyOption.REPLACE_EXISTING);
            Dimension size = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(820, size.getHeight()));
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of(dir, name + "-tablet.png"), StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(size);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Properties properties(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TaskFormsInBrowserIT.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
