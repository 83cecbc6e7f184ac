package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.support.Browser;
import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.tasks.TaskWork;

/** A customer files, follows, rejects, and finally rates a complaint on the public pages. */
@DeskIntegrationTest
class CustomerPortalInBrowserIT {

    @LocalServerPort int port;
    @Autowired TaskWork tasks;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired vn.complaintdesk.intake.Attachments attachments;
    @Autowired vn.complaintdesk.complaint.ComplaintRepository complaints;

    @Test
    void customerFilesFollowsRejectsAndRatesTwoAndTheDirectorGetsARecoveryTask() throws Exception {
        try (Browser customer = new Browser(port)) {
            customer.open("/complaint?lang=en");
            customer.driver().findElement(By.id("subject")).sendKeys("Khuyến mãi không được cộng");
            customer.driver().findElement(By.id("submit")).click();
            assertThat(customer.driver().findElement(By.id("error-category")).getText()).isNotBlank();
            assertThat(customer.driver().findElement(By.id("subject")).getAttribute("value"))
                    .isEqualTo("Khuyến mãi không được cộng");

            new Select(customer.driver().findElement(By.id("category"))).selectByValue("PROMOTION_TERMS");
            ((JavascriptExecutor) customer.driver()).executeScript(
                    "document.getElementById('incidentDate').value = arguments[0]", LocalDate.now().minusDays(2).toString());
            customer.driver().findElement(By.id("description")).sendKeys("Tôi đủ điều kiện nhưng chưa nhận thưởng.");
            customer.driver().findElement(By.id("customer.name")).sendKeys("Đỗ Thị Hương");
            customer.driver().findElement(By.id("customer.email")).sendKeys("huong@example.vn");
            java.nio.file.Path receipt = java.nio.file.Files.createTempFile("bien-lai", ".txt");
            java.nio.file.Files.writeString(receipt, "Biên lai nạp tiền GD-991");
            customer.driver().findElement(By.id("attachments")).sendKeys(receipt.toAbsolutePath().toString());
            customer.driver().findElement(By.id("submit")).click();

            String reference = customer.driver().findElement(By.id("reference")).getText();
            assertThat(reference).matches("KN-\\d{4}-\\d{6}");
            assertThat(attachments.of(complaints.require(reference).id())).singleElement()
                    .satisfies(a -> assertThat(a.filename()).startsWith("bien-lai"));
            customer.driver().findElement(By.id("tracking-link")).click();
            assertThat(customer.driver().findElement(By.id("reference")).getText()).isEqualTo(reference);
            String trackingUrl = customer.driver().getCurrentUrl();

            complete(reference, "AnalyzeComplaint", "agent", "cs-agents", Map.of("outcome", "RESOLVE_NOW"));
            complete(reference, "ProposeResolution", "agent", "cs-agents", Map.of("rootCause", "Chưa đủ vòng cược",
                    "remedy", "EXPLANATION", "replyText", "Thưởng được cộng khi đủ vòng cược."));

            customer.driver().get(trackingUrl);
            awaitSection(customer, trackingUrl, "answer-section");
            screenshot(customer, "portal-track.png");
            customer.driver().findElement(By.id("accepts-false")).click();
            customer.driver().findElement(By.id("send-answer")).click();
            assertThat(customer.driver().findElement(By.id("error-reason")).getText()).isNotBlank();
            customer.driver().findElement(By.id("accepts-false")).click();
            customer.driver().findElement(By.id("reason")).sendKeys("Tôi đã đủ vòng cược từ hôm qua.");
            customer.driver().findElement(By.id("send-answer")).click();
            assertThat(customer.driver().findElement(By.id("thanks")).getText()).isNotBlank();

            complete(reference, "ReviewSecondRound", "director", "cs-directors", Map.of("rootCause", "Lỗi đồng bộ",
                    "remedy", "BONUS_CREDIT", "amount", "100000", "replyText", "Chúng tôi cộng 100.000 VND thưởng."));
            complete(reference, "ApproveResolution", "director", "cs-directors", Map.of("decision", "APPROVE"));
            awaitSection(customer, trackingUrl, "answer-section");
            customer.driver().findElement(By.id("accepts-true")).click();
            customer.driver().findElement(By.id("send-answer")).click();
            complete(reference, "RecordLessonsLearned", "agent", "cs-agents", Map.of("lesson", "Kiểm tra đồng bộ thưởng"));

            fireSurveyTimer(reference);
            awaitSection(customer, trackingUrl, "survey-section");
            customer.driver().findElement(By.id("rating-2")).click();
            customer.driver().findElement(By.id("comment")).sendKeys("Quá lâu");
            customer.driver().findElement(By.id("send-survey")).click();
            assertThat(customer.driver().findElement(By.id("thanks")).getText()).isNotBlank();
            assertThat(customer.driver().findElement(By.id("status")).getText()).isEqualTo("Closed");
        }
        try (Browser director = new Browser(port)) {
            director.login("director", "demo");
            director.open("/tasks?taskKey=RecoverDissatisfiedCustomer&lang=en");
            assertThat(director.driver().findElements(By.cssSelector("tr[data-task-key='RecoverDissatisfiedCustomer']")))
                    .isNotEmpty();
        }
    }

    private void complete(String reference, String taskKey, String user, String group, Map<String, Object> fields)
            throws InterruptedException {
        Task task = await(reference, taskKey);
        tasks.complete(task.getId(), user, Set.of(group), fields, Locale.ENGLISH);
    }

    private Task await(String reference, String taskKey) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
                    .singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + taskKey + " for " + reference);
    }

    /** 72 hours are not waited for: the survey timer is fired. */
    private void fireSurveyTimer(String reference) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            var timer = managementService.createJobQuery().timers().activityId("Timer_SurveyDelay").list().stream()
                    .filter(job -> reference.equals(businessKey(job.getProcessInstanceId()))).findFirst();
            if (timer.isPresent()) {
                managementService.executeJob(timer.get().getId());
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no survey timer for " + reference);
    }

    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

    private String businessKey(String processInstanceId) {
        var instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** Screenshots for the README go to target/screenshots (copied to docs/ by hand when pages change). */
    private static void screenshot(Browser browser, String name) throws Exception {
        java.io.File shot = ((org.openqa.selenium.TakesScreenshot) browser.driver())
                .getScreenshotAs(org.openqa.selenium.OutputType.FILE);
        java.nio.file.Path target = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(target);
        java.nio.file.Files.copy(shot.toPath(), target.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The letter and survey invitation go out asynchronously: reload until the form appears. */
    private static void awaitSection(Browser browser, String url, String id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            browser.driver().get(url);
            if (!browser.findNow(By.id(id)).isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("section " + id + " never appeared");
    }
}
