package vn.complaintdesk.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.Browser;
import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.tasks.TaskWork;

/**
 * An agent picks a reply template in the ProposeResolution form of a real browser: the template is not
 * inserted while its amount is missing (the reason shows), then fills with the customer's Vietnamese
 * name and the amount, is edited, and the completed proposal carries exactly that text.
 */
@DeskIntegrationTest
class ReplyTemplatePickerInBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired TaskWork work;
    @Autowired TaskService taskService;
    @Autowired ComplaintRepository complaints;
    @Autowired HandlingRecords records;

    @Test
    void anAgentPicksATemplateInTheProposalFormEditsItAndCompletesTheTask() {
        String ref = intake.submit(new ComplaintSubmission(Channel.HOTLINE, null, Category.BILLING,
                "Bị trừ tiền hai lần", "Tài khoản bị trừ 1.500.000 đồng hai lần cho cùng một giao dịch.",
                LocalDate.now(ZONE).minusDays(1), null, new ComplaintSubmission.CustomerData("Nguyễn Thị Hằng",
                        "hang.nguyen@example.vn", null, null, null, "vi")), "agent", null).reference();
        work.complete(awaitTask(ref, "AnalyzeComplaint").getId(), "agent", Set.of("cs-agents"),
                Map.of("outcome", "RESOLVE_NOW"), Locale.ENGLISH);
        Task proposal = awaitTask(ref, "ProposeResolution");

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            browser.login("agent", "demo");
            browser.open("/tasks/" + proposal.getId() + "?lang=vi");
            new Select(driver.findElement(By.id("reply-template"))).selectByVisibleText("Hoàn tiền giao dịch bị trừ sai (vi)");

            driver.findElement(By.id("use-template")).click();
            until(driver, () -> driver.findElement(By.id("template-message")).isDisplayed());
            assertThat(driver.findElement(By.id("template-message")).getText()).contains("{amount}");
            assertThat(driver.findElement(By.id("replyText")).getAttribute("value")).isEmpty();

            driver.findElement(By.id("amount")).sendKeys("1500000");
            driver.findElement(By.id("use-template")).click();
            until(driver, () -> !driver.findElement(By.id("replyText")).getAttribute("value").isEmpty());
            assertThat(driver.findElement(By.id("template-message")).isDisplayed()).isFalse();
            String filled = driver.findElement(By.id("replyText")).getAttribute("value");
            assertThat(filled).startsWith("Sau khi kiểm tra, chúng tôi xác nhận tài khoản của Quý khách Nguyễn Thị Hằng "
                    + "đã bị trừ sai số tiền 1.500.000 VND.").doesNotContain("{", "}");

            driver.findElement(By.id("replyText")).sendKeys("\nMã giao dịch hoàn tiền: HT-2026-778.");
            driver.findElement(By.id("rootCause")).sendKeys("Cổng thanh toán gửi lệnh trừ tiền hai lần");
            driver.findElement(By.id("remedy-REFUND")).click();
            driver.findElement(By.id("complete")).click();
            assertThat(driver.findElement(By.id("success")).getText()).isNotBlank();

            awaitTask(ref, "ApproveResolution");
            // A browser submits a textarea's line breaks as CRLF.
            assertThat(records.latestProposal(complaints.require(ref).id()).orElseThrow().replyText()
                    .replace("\r\n", "\n")).isEqualTo(filled + "\nMã giao dịch hoàn tiền: HT-2026-778.");
        }
    }

    private static void until(WebDriver driver, BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
    }

    private Task awaitTask(String ref, String taskKey) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(ref).taskDefinitionKey(taskKey)
                    .active().list();
            if (!open.isEmpty()) {
                return open.get(0);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + taskKey + " of " + ref);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
