package vn.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.intake.Attachments;
import vn.complaintdesk.support.Accessibility;
import vn.complaintdesk.support.Browser;
import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.support.StaffSession;
import vn.complaintdesk.tasks.TaskWork;

/**
 * A customer on a phone (390×844, touch) and on a desktop (1280×900) does all the procedure asks of
 * them on the public pages: files, answers an information request with a PNG, reads the reply on the
 * page and rejects it, accepts the second reply, rates with the keyboard; the link that opens nothing
 * and an unknown address lead on. Every public page passes axe-core without serious or critical
 * violations and never scrolls sideways.
 */
@DeskIntegrationTest
class CustomerPortalInBrowserIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String REPLY = "Chúng tôi hoàn lại 250.000 đồng vào tài khoản của Quý khách trong 3 ngày làm việc.";

    @LocalServerPort int port;
    @Autowired TaskWork tasks;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired Attachments attachments;
    @Autowired ComplaintRepository complaints;
    @Autowired HandlingRecords records;

    @ParameterizedTest
    @ValueSource(strings = {"phone", "desktop"})
    void aCustomerFilesAnswersWithAPictureRejectsTheReplyOnThePageAndRates(String screen) throws Exception {
        String reference;
        try (Browser customer = "phone".equals(screen) ? Browser.phone(port) : Browser.desktop(port)) {
            customer.open("/?lang=en");
            checkPage(customer, "landing");
            customer.open("/complaint");
            checkPage(customer, "complaint form");
            customer.driver().findElement(By.id("subject")).sendKeys("Khuyến mãi không được cộng");
            customer.driver().findElement(By.id("submit")).click();
            assertThat(customer.driver().findElement(By.id("error-customer.name")).getText())
                    .isEqualTo("Please enter your full name");
            assertThat(customer.driver().findElement(By.id("subject")).getAttribute("value"))
                    .isEqualTo("Khuyến mãi không được cộng");
            checkPage(customer, "complaint form with errors");

            new Select(customer.driver().findElement(By.id("category"))).selectByValue("PROMOTION_TERMS");
            ((JavascriptExecutor) customer.driver()).executeScript(
                    "document.getElementById('incidentDate').value = arguments[0]", LocalDate.now(ZONE).minusDays(2).toString());
            customer.driver().findElement(By.id("description")).sendKeys("Tôi đủ điều kiện nhưng chưa nhận thưởng.");
            customer.driver().findElement(By.id("customer.name")).sendKeys("Đỗ Thị Hương");
            customer.driver().findElement(By.id("customer.email")).sendKeys("huong." + screen + "@example.vn");
            customer.driver().findElement(By.id("submit")).click();
            reference = customer.driver().findElement(By.id("reference")).getText();
            assertThat(reference).matches("KN-\\d{4}-\\d{6}");
            checkPage(customer, "confirmation");
            customer.driver().findElement(By.id("tracking-link")).click();
            String trackingUrl = customer.driver().getCurrentUrl();
            checkPage(customer, "tracking page");

            complete(reference, "AnalyzeComplaint", "agent", "cs-agents", Map.of("outcome", "NEED_INFO",
                    "questionsForCustomer", "Xin gửi ảnh chụp màn hình trang khuyến mãi."));
            awaitSection(customer, trackingUrl, "info-section");
            checkPage(customer, "information request");
            Path screenshot = Files.createTempFile("khuyen-mai", ".png");
            Files.write(screenshot, InformationWithFilesTest.PNG);
            customer.driver().findElement(By.id("information")).sendKeys("Ảnh chụp trang khuyến mãi đính kèm.");
            customer.driver().findElement(By.id("info-attachments")).sendKeys(screenshot.toAbsolutePath().toString());
            customer.driver().findElement(By.id("send-info")).click();
            assertThat(customer.driver().findElement(By.id("thanks")).getText()).isNotBlank();
            String pictureName = screenshot.getFileName().toString();
            assertThat(attachments.of(complaints.require(reference).id()))
                    .anySatisfy(a -> assertThat(a.filename()).isEqualTo(pictureName));
            Task analysis = await(reference, "AnalyzeComplaint");
            assertThat(StaffSession.login(port, "agent", "demo").get("/tasks/" + analysis.getId()).body())
                    .contains(pictureName, "16 B");

            complete(reference, "AnalyzeComplaint", "agent", "cs-agents", Map.of("outcome", "RESOLVE_NOW"));
            complete(reference, "ProposeResolution", "agent", "cs-agents", Map.of("rootCause", "Chưa đồng bộ thưởng",
                    "remedy", "REFUND", "amount", "250000", "replyText", REPLY));
            complete(reference, "ApproveResolution", "director", "cs-directors", Map.of("decision", "APPROVE"));
            awaitSection(customer, trackingUrl, "reply-section");
            checkPage(customer, "reply");
            if ("desktop".equals(screen)) {
                screenshot(customer, "portal-track.png");
            }
            assertThat(customer.driver().findElement(By.id("reply-text")).getText()).isEqualTo(REPLY);
            assertThat(customer.driver().findElement(By.id("reply-amount")).getText()).isEqualTo("250,000 VND");
            assertThat(customer.driver().findElement(By.id("answer-by")).getText())
                    .contains(deemedAcceptanceDay(reference), "after that we take it that you accept");
            customer.driver().findElement(By.id("reject-reply")).click();
            assertThat(customer.driver().findElement(By.id("error-reason")).getText()).isNotBlank();
            customer.driver().findElement(By.id("reason")).sendKeys("Tôi đủ vòng cược từ hôm qua.");
            customer.driver().findElement(By.id("reject-reply")).click();
            assertThat(customer.driver().findElement(By.id("thanks")).getText()).isNotBlank();

            complete(reference, "ReviewSecondRound", "director", "cs-directors", Map.of("rootCause", "Lỗi đồng bộ",
                    "remedy", "BONUS_CREDIT", "amount", "100000", "replyText", "Chúng tôi cộng thêm 100.000 VND thưởng."));
            // Four eyes: the director who reviewed does not approve their own proposal.
            complete(reference, "ApproveResolution", "director2", "cs-directors", Map.of("decision", "APPROVE"));
            awaitSection(customer, trackingUrl, "reply-section");
            assertThat(customer.driver().findElement(By.id("reply-title")).getText()).isEqualTo("Our second reply");
            customer.driver().findElement(By.id("accept-reply")).click();
            assertThat(customer.driver().findElement(By.id("thanks")).getText()).isNotBlank();
            complete(reference, "RecordLessonsLearned", "agent", "cs-agents", Map.of("lesson", "Kiểm tra đồng bộ thưởng"));

            fireSurveyTimer(reference);
            awaitSection(customer, trackingUrl, "survey-section");
            checkPage(customer, "survey");
            customer.driver().findElement(By.id("go-survey")).click();
            // A tap on the first star, then the arrow key to the second.
            customer.driver().findElement(By.cssSelector("label[for='rating-1']")).click();
            customer.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
            assertThat(customer.driver().findElement(By.id("rating-2")).isSelected()).isTrue();
            customer.driver().findElement(By.id("comment")).sendKeys("Quá lâu");
            customer.driver().findElement(By.id("send-survey")).click();
            assertThat(customer.driver().findElement(By.id("thanks")).getText()).isNotBlank();
            assertThat(customer.driver().findElement(By.id("status")).getText()).isEqualTo("Closed");
            checkPage(customer, "after the survey");
            assertThat(records.survey(complaints.require(reference).id()).orElseThrow().rating()).isEqualTo(2);
        }
        try (Browser director = new Browser(port)) {
            director.login("director", "demo");
            director.open("/tasks?taskKey=RecoverDissatisfiedCustomer&lang=en");
            assertThat(director.driver().findElements(By.cssSelector("tr[data-task-key='RecoverDissatisfiedCustomer']")))
                    .isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone", "desktop"})
    void aLinkThatOpensNothingAndAnUnknownAddressLeadOnInBothLanguages(String screen) {
        try (Browser customer = "phone".equals(screen) ? Browser.phone(port) : Browser.desktop(port)) {
            customer.open("/track/KN-2026-999999?token=lost&lang=vi");
            assertThat(customer.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Không mở được trang theo dõi khiếu nại");
            checkPage(customer, "link not valid (vi)");
            customer.driver().findElement(By.id("lang-en")).click();
            assertThat(customer.driver().findElement(By.tagName("h1")).getText()).isEqualTo("This tracking page cannot be opened");
            checkPage(customer, "link not valid (en)");
            customer.driver().findElement(By.id("send-new-link")).click();
            assertThat(customer.driver().findElement(By.id("error-email")).getText()).contains("e.g. name@example.com");
            customer.driver().findElement(By.id("new-link-email")).sendKeys("someone@example.com");
            customer.driver().findElement(By.id("send-new-link")).click();
            assertThat(customer.driver().findElement(By.id("link-sent")).getText()).contains("1900 0000");
            checkPage(customer, "new link requested");

            customer.open("/trang-khong-co");
            assertThat(customer.driver().findElement(By.id("not-found")).getText()).contains("1900 0000");
            assertThat(customer.driver().getCurrentUrl()).doesNotContain("/login");
            checkPage(customer, "unknown address");
        }
    }

    /** axe-core finds nothing serious or critical, and nothing is wider than the screen. */
    private static void checkPage(Browser browser, String page) {
        assertThat(Accessibility.seriousViolations(browser.driver())).as("axe-core on the %s", page).isEmpty();
        assertThat(Accessibility.overflowsHorizontally(browser.driver())).as("sideways scrolling on the %s", page)
                .isFalse();
    }

    private String deemedAcceptanceDay(String reference) {
        Job timer = awaitValue(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .list().stream().map(ProcessInstance::getId)
                .flatMap(id -> managementService.createJobQuery().timers().processInstanceId(id)
                        .activityId("Timer_DeemedAccepted").list().stream())
                .findFirst().orElse(null), "deemed-acceptance timer of " + reference);
        return timer.getDuedate().toInstant().atZone(ZONE).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private void complete(String reference, String taskKey, String user, String group, Map<String, Object> fields) {
        tasks.complete(await(reference, taskKey).getId(), user, Set.of(group), fields, Locale.ENGLISH);
    }

    private Task await(String reference, String taskKey) {
        return awaitValue(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskKey).singleResult(), taskKey + " for " + reference);
    }

    /** 72 hours are not waited for: the survey timer is fired. */
    private void fireSurveyTimer(String reference) {
        Job timer = awaitValue(() -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .list().stream().map(ProcessInstance::getId)
                .flatMap(id -> managementService.createJobQuery().timers().processInstanceId(id)
                        .activityId("Timer_SurveyDelay").list().stream())
                .findFirst().orElse(null), "survey timer of " + reference);
        managementService.executeJob(timer.getId());
    }

    private static <T> T awaitValue(Supplier<T> value, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            T found = value.get();
            if (found != null) {
                return found;
            }
            sleep(100);
        }
        throw new AssertionError("no " + what);
    }

    /** The letter and survey invitation go out asynchronously: reload until the section appears. */
    private static void awaitSection(Browser browser, String url, String id) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            browser.driver().get(url);
            if (!browser.findNow(By.id(id)).isEmpty()) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("section " + id + " never appeared");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Screenshots for the README go to target/screenshots (copied to docs/ by hand when pages change). */
    private static void screenshot(Browser browser, String name) throws Exception {
        Path shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(shot, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
