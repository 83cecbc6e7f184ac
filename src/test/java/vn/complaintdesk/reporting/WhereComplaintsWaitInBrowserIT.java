package vn.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.Browser;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.tasks.TaskWork;

/**
 * On PostgreSQL: the director sees the diagram drawn with a heat overlay on the analysis step.
 * Set {@code -Dwaits.screenshot=<file.png>} to keep a picture of the page.
 */
@DeskIntegrationTest
class WhereComplaintsWaitInBrowserIT {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired TaskService taskService;
    @Autowired TaskWork tasks;

    @Test
    void theDirectorSeesHowManyComplaintsWaitForAnalysisOnTheDiagram() throws Exception {
        List<Task> analyses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String reference = intake.submit(Complaints.promotionQuestion(LocalDate.now().minusDays(1)), null, null)
                    .reference();
            analyses.add(awaitAnalysis(reference));
        }
        // One analysis done, so this month has a time spent there (PERCENTILE_CONT on PostgreSQL).
        tasks.complete(analyses.get(0).getId(), "agent", Set.of("cs-agents"), Map.of("outcome", "RESOLVE_NOW"),
                java.util.Locale.ENGLISH);
        long waiting = taskService.createTaskQuery().processDefinitionKey("complaint-handling")
                .taskDefinitionKey("AnalyzeComplaint").list().stream().map(Task::getProcessInstanceId).distinct().count();
        assertThat(waiting).isGreaterThanOrEqualTo(2);

        try (Browser browser = new Browser(port)) {
            browser.login("director", "demo");
            browser.open("/dashboard?lang=en");
            browser.driver().findElement(By.id("nav-waits")).click();
            // The viewer shows its overlays once the diagram has been fitted into view.
            WebElement overlay = new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(
                    ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector(".djs-overlay .wait-badge[data-activity='AnalyzeComplaint']")));
            assertThat(browser.driver().findElement(By.id("diagram")).getDomAttribute("data-state")).isEqualTo("ready");
            assertThat(overlay.getText()).isEqualTo(String.valueOf(waiting));
            assertThat(overlay.getDomAttribute("class")).matches("wait-badge heat-[1-4]");
            // Median and 90th percentile: shown under the step once zoomed in.
            assertThat(browser.driver().findElement(By.cssSelector(".djs-overlay .wait-times[data-activity='AnalyzeComplaint']"))
                    .getDomProperty("textContent")).matches("\\S.* · \\S.*").doesNotContain("–");
            // The overlay sits on the task's shape (top right corner), not somewhere else on the page.
            Rectangle shape = browser.driver().findElement(
                    By.cssSelector("g.djs-element[data-element-id='AnalyzeComplaint']")).getRect();
            Rectangle badge = overlay.getRect();
            assertThat(badge.getX()).isBetween(shape.getX(), shape.getX() + shape.getWidth());
            assertThat(badge.getY()).isBetween(shape.getY() - 40, shape.getY() + shape.getHeight());

            keepScreenshot(browser);

            WebElement row = browser.driver().findElement(By.cssSelector("#waits tr[data-activity='AnalyzeComplaint']"));
            assertThat(row.findElement(By.className("wait-count")).getText()).isEqualTo(String.valueOf(waiting));
            assertThat(row.findElement(By.className("passed")).getText()).isNotEqualTo("0");
        }
    }

    /** With {@code -Dwaits.screenshot=<file.png>}, keeps a picture of the page (README). */
    private static void keepScreenshot(Browser browser) throws java.io.IOException {
        String file = System.getProperty("waits.screenshot");
        if (file != null && !file.isBlank()) {
            java.nio.file.Files.write(java.nio.file.Path.of(file),
                    ((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
    }

    private Task awaitAnalysis(String reference) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                    .taskDefinitionKey("AnalyzeComplaint").singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no analysis task for " + reference);
    }
}
