package vn.complaintdesk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.StaffSession;

/** Alerts reach the people concerned without reloading anything but the page they are on. */
@DeskTest
class NotificationCentreTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern BADGE = Pattern.compile("id=\"alert-count\"[^>]*>(\\d+)<");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

    @Autowired ProcessDriver driver;
    @Autowired TaskService taskService;
    @Autowired StaffAlerts alerts;
    @LocalServerPort int port;

    @Test
    void aDepartmentFinishingTellsTheAgentWhoAnalysedTheComplaint() {
        String reference = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE", "departments", "FINANCE"));

        driver.complete(reference, "InvestigateInDepartment", "finance", Map.of("findings", "Giao dịch treo"));

        assertThat(alerts.of("agent", 500)).anySatisfy(a -> {
            assertThat(a.reference()).isEqualTo(reference);
            assertThat(a.kind()).isEqualTo(AlertKind.DEPARTMENT_FINISHED);
        });
    }

    @Test
    void theDirectorSendingAProposalBackRaisesItsAuthorsCountToOneAndTheListNamesTheComplaint() {
        String reference = proposedRefund();
        StaffSession agent = StaffSession.login(port, "agent", "demo");
        readAll(agent);
        long agent2Before = unread("agent2");

        driver.complete(reference, "ApproveResolution", "director",
                Map.of("decision", "REJECT", "comment", "Số tiền hoàn chưa đúng sao kê"));

        String tasks = agent.get("/tasks").body();
        assertThat(badge(tasks)).isEqualTo(1);
        assertThat(title(tasks)).startsWith("(1) ");
        String list = agent.get("/notifications").body();
        assertThat(list).contains("data-reference=\"" + reference + "\"", "Bị trả lại cho bạn",
                "Từ chối, trả lại để sửa phương án");
        assertThat(badge(StaffSession.login(port, "agent2", "demo").get("/tasks").body()))
                .as("only the proposal's author is told").isEqualTo(agent2Before);
    }

    @Test
    void markingAnAlertReadLowersTheCountAndAnotherUsersAlertCannotBeMarked() {
        String reference = proposedRefund();
        StaffSession agent = StaffSession.login(port, "agent", "demo");
        readAll(agent);
        driver.complete(reference, "ApproveResolution", "director",
                Map.of("decision", "REJECT", "comment", "Thiếu chứng từ"));
        long id = alerts.of("agent", 1).get(0).id();

        StaffSession other = StaffSession.login(port, "agent2", "demo");
        other.postForm("/notifications/" + id + "/read", "_csrf=" + csrf(other.get("/notifications").body()));
        assertThat(unread("agent")).isEqualTo(1);

        agent.postForm("/notifications/" + id + "/read", "_csrf=" + csrf(agent.get("/notifications").body()));
        assertThat(badge(agent.get("/tasks").body())).isZero();
    }

    @Test
    void aDeadlineWarningTimerFiredTellsTheAssigneeOfTheOpenTask() {
        String reference = driver.submit(Category.TECHNICAL_ERROR).reference();
        taskService.claim(driver.task(reference, "AnalyzeComplaint").getId(), "agent2");
        long agentBefore = alerts.of("agent", 500).stream().filter(a -> a.reference().equals(reference)).count();

        driver.fireTimer(reference, "Timer_ReplyWarning");

        String list = StaffSession.login(port, "agent2", "demo").get("/notifications").body();
        assertThat(list).contains("data-reference=\"" + reference + "\"", "data-kind=\"DEADLINE_NEAR\"", "Sắp đến hạn",
                "trả lời bằng văn bản");
        assertThat(alerts.of("agent", 500).stream().filter(a -> a.reference().equals(reference)).count())
                .as("nobody else's task").isEqualTo(agentBefore);
    }

    @Test
    void aMissedDeadlineReachesTheDirectors() {
        String reference = driver.submit(Category.TECHNICAL_ERROR).reference();

        driver.fireTimer(reference, "Timer_ReplyBreach");

        assertThat(alerts.of("director", 500)).anySatisfy(a -> {
            assertThat(a.reference()).isEqualTo(reference);
            assertThat(a.kind()).isEqualTo(AlertKind.DEADLINE_MISSED);
        });
        assertThat(alerts.of("director2", 500)).anyMatch(a -> a.reference().equals(reference));
    }

    private String proposedRefund() {
        String reference = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(reference, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE", "departments", "FINANCE"));
        driver.complete(reference, "InvestigateInDepartment", "finance", Map.of("findings", "Giao dịch treo"));
        driver.complete(reference, "ProposeResolution", "agent", Map.of("rootCause", "Treo giao dịch", "remedy", "REFUND",
                "amount", 2_000_000, "replyText", "Chúng tôi hoàn tiền cho Quý khách."));
        return reference;
    }

    private void readAll(StaffSession session) {
        HttpResponse<String> done = session.postForm("/notifications/read-all",
                "_csrf=" + csrf(session.get("/notifications").body()));
        assertThat(done.statusCode()).isEqualTo(302);
    }

    private long unread(String user) {
        return alerts.unread(user);
    }

    private static String csrf(String page) {
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("a CSRF token on the page").isTrue();
        return csrf.group(1);
    }

    private static long badge(String page) {
        Matcher badge = BADGE.matcher(page);
        assertThat(badge.find()).as("the menu's count").isTrue();
        return Long.parseLong(badge.group(1));
    }

    private static String title(String page) {
        Matcher title = TITLE.matcher(page);
        assertThat(title.find()).isTrue();
        return title.group(1).strip();
    }
}
