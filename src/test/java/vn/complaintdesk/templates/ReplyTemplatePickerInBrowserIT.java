package vn.complaintdesk.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
 * name and the amount, is edited, and the completed proposal carries exactly that text. A director
 * keeps the library in the browser. In the AnalyzeComplaint form an agent picks an information request
 * instead, and the customer is asked exactly the filled questions. {@code -Dforms.screenshots=<dir>} keeps
 * screenshots.
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
    @Autowired ReplyTemplates library;
    @Autowired JdbcClient jdbc;

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

            screenshot(driver, "form-reply-template");
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

    @Test
    void anAgentPicksAnInformationRequestInTheAnalysisFormAndTheCustomerIsAskedExactlyThat() {
        String ref = intake.submit(new ComplaintSubmission(Channel.HOTLINE, null, Category.BILLING,
                "Nạp tiền không vào tài khoản", "Tôi đã chuyển khoản nhưng số dư không thay đổi.",
                LocalDate.now(ZONE).minusDays(1), null, new ComplaintSubmission.CustomerData("Lê Văn Đức",
                        "duc.le@example.vn", null, null, null, "vi")), "agent", null).reference();
        Task analysis = awaitTask(ref, "AnalyzeComplaint");

        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            browser.login("agent", "demo");
            browser.open("/tasks/" + analysis.getId() + "?lang=vi");
            Select picker = new Select(driver.findElement(By.id("reply-template")));
            assertThat(picker.getOptions()).extracting(WebElement::getText)
                    .contains("Đề nghị cung cấp sao kê tài khoản ngân hàng (vi)")
                    .doesNotContain("Cảm ơn góp ý (vi)");
            picker.selectByVisibleText("Đề nghị cung cấp sao kê tài khoản ngân hàng (vi)");

            driver.findElement(By.id("use-template")).click();
            until(driver, () -> !driver.findElement(By.id("questionsForCustomer")).getAttribute("value").isEmpty());
            String filled = driver.findElement(By.id("questionsForCustomer")).getAttribute("value");
            assertThat(filled).startsWith("Để đối soát giao dịch với ngân hàng đối tác, kính đề nghị Quý khách Lê Văn Đức "
                    + "cung cấp bản sao kê").contains(ref).doesNotContain("{", "}");
            screenshot(driver, "form-info-request-template");

            driver.findElement(By.id("outcome-NEED_INFO")).click();
            driver.findElement(By.id("complete")).click();
            assertThat(driver.findElement(By.id("success")).getText()).isNotBlank();
        }
        // A browser submits a textarea's line breaks as CRLF.
        assertThat(jdbc.sql("SELECT questions FROM info_request WHERE complaint_id = :c")
                .param("c", complaints.require(ref).id()).query(String.class).single().replace("\r\n", "\n"))
                .isEqualTo(filled(ref));
    }

    @Test
    void aDirectorAddsATemplateOnTheLibraryPageAfterFixingAnUnknownPlaceholder() {
        String name = "Xin lỗi vì phản hồi chậm " + System.nanoTime();
        try (Browser browser = new Browser(port)) {
            WebDriver driver = browser.driver();
            browser.login("director", "demo");
            browser.open("/reply-templates?lang=vi");
            driver.findElement(By.id("nav-templates"));
            driver.findElement(By.id("new-template")).click();

            driver.findElement(By.id("name")).sendKeys(name);
            driver.findElement(By.id("body")).sendKeys("Kính gửi Quý khách {ten_khach}, chúng tôi xin lỗi vì phản hồi chậm.");
            driver.findElement(By.id("save")).click();
            assertThat(driver.findElement(By.id("error-body")).getText()).contains("{ten_khach}", "{customer.name}");
            assertThat(driver.findElement(By.id("body")).getAttribute("class")).contains("is-invalid");
            assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
            screenshot(driver, "reply-template-error");

            driver.findElement(By.id("body")).clear();
            driver.findElement(By.id("body")).sendKeys("Kính gửi Quý khách {customer.name}, chúng tôi xin lỗi vì phản hồi chậm.");
            driver.findElement(By.id("save")).click();
            assertThat(driver.findElement(By.id("saved")).getText()).contains(name);

            driver.findElement(By.id("q")).sendKeys(name);
            WebElement before = driver.findElement(By.id("templates"));
            driver.findElement(By.id("search")).click();
            // The list is on the page before and after the search: wait for the new page.
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before));
            assertThat(driver.findElement(By.id("templates")).getText()).contains(name);
            screenshot(driver, "reply-templates");
            driver.findElement(By.cssSelector("#templates tbody tr button[id^='deactivate-']")).click();
            assertThat(driver.findElement(By.id("deactivated")).getText()).contains(name);
        }
        assertThat(library.search(name, 0).rows()).singleElement()
                .satisfies(t -> assertThat(t.active()).isFalse())
                .satisfies(t -> assertThat(t.body()).startsWith("Kính gửi Quý khách {customer.name},"));
    }

    /** The demo information request asking for the bank statement, as filled for Lê Văn Đức's complaint. */
    private static String filled(String ref) {
        return "Để đối soát giao dịch với ngân hàng đối tác, kính đề nghị Quý khách Lê Văn Đức cung cấp bản sao kê "
                + "tài khoản ngân hàng (hoặc ảnh chụp lịch sử giao dịch trên ứng dụng ngân hàng) thể hiện khoản tiền "
                + "liên quan đến khiếu nại " + ref + ".\nQuý khách có thể che các giao dịch khác không liên quan. "
                + "Chúng tôi cam kết chỉ sử dụng thông tin này để giải quyết khiếu nại của Quý khách.";
    }

    /** With {@code -Dforms.screenshots=<dir>}, keeps a screenshot of the page. */
    private static void screenshot(WebDriver driver, String name) {
        String dir = System.getProperty("forms.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of(dir, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
