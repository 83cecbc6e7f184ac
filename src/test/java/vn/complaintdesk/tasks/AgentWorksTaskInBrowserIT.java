package vn.complaintdesk.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.Browser;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskIntegrationTest;

@DeskIntegrationTest
class AgentWorksTaskInBrowserIT {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired TaskService taskService;

    @Test
    void agentOpensTheAnalysisFormFixesAMistakeAndCompletesIt() throws Exception {
        IntakeAnswer answer = intake.submit(Complaints.promotionQuestion(LocalDate.now().minusDays(1)), null, null);
        awaitTask(answer.reference());

        try (Browser browser = new Browser(port)) {
            browser.login("agent", "demo");
            browser.open("/tasks?reference=" + answer.reference() + "&lang=en");
            var row = browser.driver().findElement(By.cssSelector("tr[data-reference='" + answer.reference() + "']"));
            row.findElement(By.linkText("Open")).click();

            assertThat(browser.driver().findElement(By.id("complaint-subject")).getText())
                    .isEqualTo("Chưa nhận được tiền thưởng khuyến mãi");
            browser.driver().findElement(By.id("outcome-INVESTIGATE")).click();
            browser.driver().findElement(By.id("notes")).sendKeys("Kiểm tra lịch sử giao dịch");
            browser.driver().findElement(By.id("complete")).click();

            assertThat(browser.driver().findElement(By.id("error-departments")).getText())
                    .contains("department");
            assertThat(browser.driver().findElement(By.id("notes")).getAttribute("value"))
                    .isEqualTo("Kiểm tra lịch sử giao dịch");

            browser.driver().findElement(By.id("outcome-RESOLVE_NOW")).click();
            browser.driver().findElement(By.id("complete")).click();

            assertThat(browser.driver().findElement(By.id("success")).getText()).contains("Task completed");
            assertThat(browser.findNow(By.cssSelector("tr[data-reference='" + answer.reference()
                    + "'][data-task-key='AnalyzeComplaint']"))).isEmpty();
        }
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(answer.reference())
                .taskDefinitionKey("AnalyzeComplaint").count()).isZero();
    }

    private void awaitTask(String reference) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (taskService.createTaskQuery().processInstanceBusinessKey(reference).count() == 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no task for " + reference);
            }
            Thread.sleep(200);
        }
    }
}
