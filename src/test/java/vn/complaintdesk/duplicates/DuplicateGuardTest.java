package vn.complaintdesk.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/**
 * The same customer (account id, e-mail or phone in common) with a complaint of the same category
 * through another channel within 14 days is flagged on both complaints; anything else is not.
 */
@DeskTest
class DuplicateGuardTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired IntakeService intake;
    @Autowired ProcessDriver driver;
    @Autowired ComplaintEventLog eventLog;
    @Autowired Clock clock;

    @Test
    void sameCustomerSameMatterOnTwoChannelsIsFlagged() throws Exception {
        String email = unique("lan.nguyen") + "@example.vn";
        String byPhone = onHotline(Category.BILLING, customer(email, null), null);
        String online = online(Category.BILLING, customer(email.toUpperCase(), null));

        JsonNode onlineJson = complaintJson(online);
        assertThat(references(onlineJson.get("probableDuplicates"))).containsExactly(byPhone);
        assertThat(onlineJson.get("probableDuplicates").get(0).get("channel").asText()).isEqualTo("HOTLINE");
        assertThat(references(complaintJson(byPhone).get("probableDuplicates"))).containsExactly(online);
        assertThat(logBook(online)).anyMatch(params -> byPhone.equals(params.get("sameAs")) && "HOTLINE".equals(params.get("channel")));
        assertThat(logBook(byPhone)).anyMatch(params -> online.equals(params.get("later")) && "WEB_FORM".equals(params.get("channel")));

        String page = page("/complaints/" + online, "agent", "cs-agents");
        assertThat(page).contains("id=\"probable-duplicates\"", "data-duplicate=\"" + byPhone + "\"",
                "id=\"merge-into-" + byPhone + "\"", "/complaints/" + online + "/merge-into/" + byPhone);
        String form = page("/tasks/" + driver.task(online, "AnalyzeComplaint").getId(), "agent", "cs-agents");
        assertThat(form).contains("id=\"probable-duplicates\"", "data-duplicate=\"" + byPhone + "\"");
    }

    @Test
    void theSameCustomerIsFoundByAccountOrPhoneToo() throws Exception {
        String account = unique("ACC");
        String phone = "+84 91 %07d".formatted(System.nanoTime() % 10_000_000);
        String byAccount = onHotline(Category.DELIVERY,
                new ComplaintSubmission.CustomerData("Lê Minh", unique("a") + "@example.vn", null, account, null, "vi"),
                null);
        String byPhone = onHotline(Category.DELIVERY,
                new ComplaintSubmission.CustomerData("Lê Minh", null, phone, null, null, "vi"), null);
        String chat = submit(Channel.LIVE_CHAT, Category.DELIVERY,
                new ComplaintSubmission.CustomerData("Lê Minh", unique("b") + "@example.vn", phone, account, null, "vi"),
                null, null);

        assertThat(references(complaintJson(chat).get("probableDuplicates"))).containsExactly(byAccount, byPhone);
    }

    @Test
    void aComplaintOutsideTheWindowIsNotFlagged() throws Exception {
        String email = unique("hoa.tran") + "@example.vn";
        String fifteenDaysAgo = onHotline(Category.SERVICE_QUALITY, customer(email, null),
                OffsetDateTime.now(clock).minusDays(15));
        String thirteenDaysAgo = submit(Channel.POST, Category.SERVICE_QUALITY, customer(email, null),
                OffsetDateTime.now(clock).minusDays(13), "agent");
        String today = online(Category.SERVICE_QUALITY, customer(email, null));

        assertThat(references(complaintJson(today).get("probableDuplicates"))).containsExactly(thirteenDaysAgo);
        assertThat(references(complaintJson(fifteenDaysAgo).get("probableDuplicates")))
                .as("15 days before the web complaint, 2 days before the letter: flagged with the letter only")
                .containsExactly(thirteenDaysAgo);
    }

    @Test
    void anotherCustomerOrAnotherCategoryOrTheSameChannelIsNotFlagged() throws Exception {
        String email = unique("quang.vo") + "@example.vn";
        String otherCustomer = onHotline(Category.TECHNICAL_ERROR, customer(unique("other") + "@example.vn", null),
                null);
        String otherCategory = onHotline(Category.STAFF_CONDUCT, customer(email, null), null);
        String sameChannel = online(Category.TECHNICAL_ERROR, customer(email, null));
        String complaint = online(Category.TECHNICAL_ERROR, customer(email, null));

        for (String reference : List.of(otherCustomer, otherCategory, sameChannel, complaint)) {
            assertThat(complaintJson(reference).get("probableDuplicates")).as(reference).isEmpty();
            assertThat(eventLog.count(driver.complaint(reference).id(), DuplicateGuard.FLAGGED)).isZero();
        }
        assertThat(page("/complaints/" + complaint, "agent", "cs-agents")).doesNotContain("probable-duplicates");
    }

    @Test
    void aComplaintWhoseHandlingEndedIsNoLongerADuplicate() throws Exception {
        String email = unique("khanh.do") + "@example.vn";
        String closed = submit(Channel.HOTLINE, Category.PROMOTION_TERMS, customer(email, null), null, "agent");
        driver.runJobs(closed);
        driver.complete(closed, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(closed, "ProposeResolution", "agent", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "EXPLANATION", "replyText", "Chúng tôi giải thích điều kiện khuyến mãi."));
        driver.customer(closed, "CustomerAnswered", Map.of("accepts", true));
        driver.complete(closed, "RecordLessonsLearned", "agent", Map.of("lesson", "Viết rõ", "trainingNeeded", false));

        String again = online(Category.PROMOTION_TERMS, customer(email, null));

        assertThat(complaintJson(again).get("probableDuplicates")).isEmpty();
    }

    static ComplaintSubmission.CustomerData customer(String email, String phone) {
        return new ComplaintSubmission.CustomerData("Nguyễn Thị Lan", email, phone, null, null, "vi");
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private String onHotline(Category category, ComplaintSubmission.CustomerData customer, OffsetDateTime receivedAt) {
        return submit(Channel.HOTLINE, category, customer, receivedAt, "agent");
    }

    private String online(Category category, ComplaintSubmission.CustomerData customer) {
        return submit(Channel.WEB_FORM, category, customer, null, null);
    }

    private String submit(Channel channel, Category category, ComplaintSubmission.CustomerData customer,
            OffsetDateTime receivedAt, String staff) {
        LocalDate incident = (receivedAt == null ? OffsetDateTime.now(clock) : receivedAt).toLocalDate().minusDays(1);
        String reference = intake.submit(new ComplaintSubmission(channel, null, category, "Hóa đơn tính sai hai lần",
                "Tháng này tôi bị tính phí hai lần cho cùng một gói.", incident, receivedAt, customer), staff, null)
                .reference();
        driver.runJobs(reference);
        return reference;
    }

    private JsonNode complaintJson(String reference) throws Exception {
        return json.readTree(page("/api/complaints/" + reference, "agent", "cs-agents"));
    }

    private String page(String path, String user, String group) throws Exception {
        return mvc.perform(get(path).with(user(user).roles(group))).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<Map<String, String>> logBook(String reference) {
        return eventLog.of(driver.complaint(reference).id()).stream()
                .filter(e -> e.type().equals(DuplicateGuard.FLAGGED)).map(ComplaintEventLog.Event::params).toList();
    }

    private static List<String> references(JsonNode duplicates) {
        return java.util.stream.StreamSupport.stream(duplicates.spliterator(), false)
                .map(d -> d.get("reference").asText()).toList();
    }
}
