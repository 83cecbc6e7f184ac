package vn.complaintdesk.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.Browser;
import vn.complaintdesk.support.DeskIntegrationTest;

/** On PostgreSQL, in Chromium: the agent sees the probable duplicate and merges it with one click. */
@DeskIntegrationTest
class DuplicateMergeInBrowserIT {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ComplaintRepository complaints;

    @Test
    void anAgentSeesTheProbableDuplicateAndMergesIt() throws Exception {
        String email = "thu.ha-" + System.nanoTime() + "@example.vn";
        String byPhone = submit(Channel.HOTLINE, email, "agent");
        String byMail = submit(Channel.EMAIL, email, "agent");
        awaitTask(byPhone);
        String taskId = awaitTask(byMail);

        try (Browser browser = new Browser(port)) {
            WebDriver page = browser.driver();
            browser.login("agent", "demo");
            browser.open("/tasks/" + taskId + "?lang=en");
            assertThat(page.findElement(By.id("probable-duplicates")).getText()).contains(byPhone);

            browser.open("/complaints/" + byMail);
            assertThat(page.findElement(By.id("probable-duplicates")).getText())
                    .contains(byPhone, "Probable duplicate");
            screenshot(browser, "complaint-probable-duplicate.png");
            page.findElement(By.id("merge-into-" + byPhone)).click();

            assertThat(page.findElement(By.id("merged")).getText()).contains(byMail + " was merged into this complaint");
            assertThat(page.findElement(By.id("reference")).getText()).isEqualTo(byPhone);
            assertThat(page.findElement(By.id("merged-complaints")).getText())
                    .contains(byMail, "Merged into " + byPhone);
            assertThat(page.findElement(By.id("timeline")).getText()).contains(byMail + " merged into this complaint");
            assertThat(browser.findNow(By.id("probable-duplicates"))).isEmpty();
            screenshot(browser, "complaint-merged.png");

            page.findElement(By.cssSelector("#merged-complaints a[href$='/complaints/" + byMail + "']")).click();
            assertThat(page.findElement(By.id("merged-into")).getText()).contains(byPhone);
            assertThat(page.findElement(By.id("status")).getText()).isEqualTo("Closed");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(byMail).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(byPhone).count()).isOne();
        assertThat(complaints.require(byMail).status()).isEqualTo(ComplaintStatus.CLOSED);
    }

    /** For the README and review, in target/screenshots. */
    private static void screenshot(Browser browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private String submit(Channel channel, String email, String staff) {
        return intake.submit(new ComplaintSubmission(channel, null, Category.BILLING, "Bị trừ tiền hai lần",
                "Tài khoản bị trừ phí dịch vụ hai lần trong tháng.", LocalDate.now().minusDays(2), null,
                new ComplaintSubmission.CustomerData("Đặng Thu Hà", email, null, null, null, "en")), staff, null)
                .reference();
    }

    private String awaitTask(String reference) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            var tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                    .taskDefinitionKey("AnalyzeComplaint").list();
            if (!tasks.isEmpty()) {
                return tasks.get(0).getId();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no AnalyzeComplaint for " + reference);
    }
}
