package vn.complaintdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.Browser;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskIntegrationTest;

@DeskIntegrationTest
class StaffPagesInBrowserIT {

    private static final String SCRIPT_SUBJECT = "<script>window.injected='subject'</script> Rút tiền";
    private static final String IMG_DESCRIPTION = "\"><img src=x onerror=\"window.injected='description'\"> chưa về";

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired TaskService taskService;

    @Test
    void markupInAComplaintIsShownAsTextAndNeverRuns() throws Exception {
        IntakeAnswer answer = intake.submit(new ComplaintSubmission(Channel.WEB_FORM, null, Category.PAYMENT_DELAY,
                SCRIPT_SUBJECT, IMG_DESCRIPTION, LocalDate.now().minusDays(1), null,
                new ComplaintSubmission.CustomerData("<b>Khách</b>", "x@example.vn", null, null, null, "vi")), null, null);
        String taskId = awaitTask(answer.reference());
        try (Browser browser = new Browser(port)) {
            browser.login("agent", "demo");
            for (String page : new String[] {"/complaints/" + answer.reference(), "/tasks/" + taskId, "/tasks"}) {
                browser.open(page);
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                assertThat(js.executeScript("return window.injected === undefined")).as(page).isEqualTo(true);
                assertThat(browser.findNow(By.cssSelector("img[src='x']"))).as(page).isEmpty();
                // Our own scripts come from /js by src; markup from a complaint never adds one.
                assertThat(browser.findNow(By.cssSelector("main script:not([src^='/js/'])"))).as(page).isEmpty();
            }
            browser.open("/complaints/" + answer.reference());
            assertThat(browser.driver().findElement(By.id("subject")).getText()).isEqualTo(SCRIPT_SUBJECT);
            assertThat(browser.driver().findElement(By.id("description")).getText()).isEqualTo(IMG_DESCRIPTION.strip());
        }
    }

    @Test
    void twoAgentsRaceForOneTaskAndTheLoserIsToldSo() throws Exception {
        IntakeAnswer answer = intake.submit(Complaints.promotionQuestion(LocalDate.now().minusDays(1)), null, null);
        String taskId = awaitTask(answer.reference());
        try (Browser first = new Browser(port); Browser second = new Browser(port)) {
            first.login("agent", "demo");
            second.login("agent2", "demo");
            first.open("/tasks/" + taskId + "?lang=en");
            second.open("/tasks/" + taskId + "?lang=en");
            first.driver().findElement(By.id("outcome-RESOLVE_NOW")).click();
            second.driver().findElement(By.id("outcome-RESOLVE_NOW")).click();
            first.driver().findElement(By.id("complete")).click();
            assertThat(first.driver().findElement(By.id("success")).getText()).contains("Task completed");
            second.driver().findElement(By.id("complete")).click();
            assertThat(second.driver().findElement(By.id("notice")).getText())
                    .contains("already been completed by someone else");
        }
    }

    @Test
    void theLanguageSwitchChangesThePageAndIsRemembered() {
        try (Browser browser = new Browser(port)) {
            browser.login("agent", "demo");
            browser.open("/tasks");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Công việc của tôi");
            browser.driver().findElement(By.linkText("English")).click();
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("My tasks");
            browser.open("/complaints");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Complaints");
            browser.driver().findElement(By.linkText("Tiếng Việt")).click();
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Khiếu nại");
        }
    }

    @Test
    void anAgentRecordsAPostedComplaintWithTheDayItArrived() throws Exception {
        try (Browser browser = new Browser(port)) {
            browser.login("agent", "demo");
            browser.open("/complaints/new?lang=en");
            new Select(browser.driver().findElement(By.id("channel"))).selectByValue("POST");
            browser.driver().findElement(By.id("subject")).sendKeys("Hóa đơn tháng 10 tính sai");
            browser.driver().findElement(By.id("record")).click();
            assertThat(browser.driver().findElement(By.id("error-category")).getText()).isNotBlank();
            assertThat(browser.driver().findElement(By.id("error-description")).getText()).isNotBlank();
            assertThat(browser.driver().findElement(By.id("subject")).getAttribute("value"))
                    .isEqualTo("Hóa đơn tháng 10 tính sai");

            new Select(browser.driver().findElement(By.id("category"))).selectByValue("BILLING");
            browser.driver().findElement(By.id("description")).sendKeys("Thư gửi qua bưu điện ngày hôm qua.");
            type(browser, "incidentDate", LocalDate.now().minusDays(5));
            ((JavascriptExecutor) browser.driver()).executeScript(
                    "document.getElementById('receivedAt').value = arguments[0]",
                    LocalDate.now().minusDays(1) + "T09:15");
            browser.driver().findElement(By.id("customer.name")).sendKeys("Lê Văn Tám");
            browser.driver().findElement(By.id("customer.phone")).sendKeys("0912 345 678");
            browser.driver().findElement(By.id("record")).click();

            assertThat(browser.driver().findElement(By.id("recorded")).getText()).contains("KN-");
            assertThat(browser.driver().findElement(By.id("reference")).getText()).startsWith("KN-");
            assertThat(browser.driver().findElement(By.cssSelector("tr[data-deadline='reply']")).getText())
                    .isNotBlank();
            screenshot(browser, "complaint-page.png");
            browser.open("/tasks");
            screenshot(browser, "tasklist.png");
        }
    }

    private static void type(Browser browser, String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }

    /** Screenshots for the README go to target/screenshots (copied to docs/ by hand when pages change). */
    private static void screenshot(Browser browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private String awaitTask(String reference) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            var tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).list();
            if (!tasks.isEmpty()) {
                return tasks.get(0).getId();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no task for " + reference);
    }
}
