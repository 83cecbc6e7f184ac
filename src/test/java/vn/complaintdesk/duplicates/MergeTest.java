package vn.complaintdesk.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.complaintdesk.audit.AuditSearch;
import vn.complaintdesk.audit.RetentionCleanup;
import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.security.CurrentStaff;
import vn.complaintdesk.security.StaffRoles;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.web.ConflictException;

/** One-click merge: the source's handling ends, both log books stay, the target goes on. */
@DeskTest
class MergeTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired IntakeService intake;
    @Autowired ProcessDriver driver;
    @Autowired ComplaintEventLog eventLog;
    @Autowired HistoryService historyService;
    @Autowired RetentionCleanup retention;
    @Autowired ComplaintRepository complaints;
    @Autowired JdbcClient jdbc;
    @Autowired ComplaintMerger merger;
    @Autowired AuditSearch auditSearch;

    /** A complaint by phone and the same customer's complaint on the web a little later: flagged. */
    record Pair(String byPhone, String online) {
    }

    @Test
    void mergingThroughTheApiKeepsBothLogBooksEndsTheSourceAndTheTargetGoesOn() throws Exception {
        Pair pair = flaggedPair();
        List<ComplaintEventLog.Event> sourceBefore = logBook(pair.online());
        List<ComplaintEventLog.Event> targetBefore = logBook(pair.byPhone());

        assertThat(mergeApi(pair.online(), pair.byPhone(), "agent").getResponse().getStatus()).isEqualTo(204);

        assertThat(driver.instance(pair.online())).as("source process").isNull();
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(pair.online()).singleResult();
        assertThat(ended.getDeleteReason()).isEqualTo("merged into " + pair.byPhone());
        assertThat(driver.complaint(pair.online()).status()).isEqualTo(ComplaintStatus.CLOSED);

        List<ComplaintEventLog.Event> source = logBook(pair.online());
        assertThat(source).startsWith(sourceBefore.toArray(ComplaintEventLog.Event[]::new));
        assertThat(source.get(source.size() - 1)).satisfies(e -> {
            assertThat(e.type()).isEqualTo("MERGED");
            assertThat(e.actor()).isEqualTo("agent");
            assertThat(e.params()).containsExactly(Map.entry("into", pair.byPhone()));
        });
        List<ComplaintEventLog.Event> target = logBook(pair.byPhone());
        assertThat(target).startsWith(targetBefore.toArray(ComplaintEventLog.Event[]::new));
        assertThat(target.get(target.size() - 1).params()).containsExactly(Map.entry("from", pair.online()));

        JsonNode sourceJson = complaintJson(pair.online());
        assertThat(sourceJson.get("mergedInto").asText()).isEqualTo(pair.byPhone());
        assertThat(sourceJson.get("openTasks")).isEmpty();
        assertThat(sourceJson.get("probableDuplicates")).isEmpty();
        JsonNode targetJson = complaintJson(pair.byPhone());
        assertThat(targetJson.get("mergedFrom").get(0).asText()).isEqualTo(pair.online());
        assertThat(targetJson.get("mergedInto").isNull()).isTrue();
        assertThat(targetJson.get("status").asText()).isEqualTo("IN_ANALYSIS");

        driver.complete(pair.byPhone(), "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        assertThat(driver.task(pair.byPhone(), "ProposeResolution")).as("the target goes on").isNotNull();
    }

    @Test
    void onlyAgentsMergeAndNothingChangesForOthers() throws Exception {
        Pair pair = flaggedPair();
        assertThat(mvc.perform(post("/api/complaints/" + pair.online() + "/merge-into/" + pair.byPhone()))
                .andReturn().getResponse().getStatus()).as("anonymous").isEqualTo(401);
        for (String refused : List.of("director", "tech", "finance", "legal", "admin")) {
            MvcResult result = mergeApi(pair.online(), pair.byPhone(), refused);
            assertThat(result.getResponse().getStatus()).as(refused).isEqualTo(403);
            assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        assertThat(mvc.perform(post("/complaints/" + pair.online() + "/merge-into/" + pair.byPhone())
                .with(user("director").roles("cs-directors")).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(driver.instance(pair.online())).isNotNull();
        assertThat(eventLog.count(driver.complaint(pair.online()).id(), "MERGED")).isZero();
        assertThat(page("/complaints/" + pair.online(), "director", "cs-directors"))
                .contains("data-duplicate=\"" + pair.byPhone() + "\"").doesNotContain("merge-into-");
    }

    @Test
    void unknownComplaintsAnswer404() throws Exception {
        Pair pair = flaggedPair();
        MvcResult unknownTarget = mergeApi(pair.online(), "KN-2099-999999", "agent");
        assertThat(unknownTarget.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknownTarget.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(mergeApi("KN-2099-999999", pair.online(), "agent").getResponse().getStatus()).isEqualTo(404);
        assertThat(driver.instance(pair.online())).isNotNull();
    }

    @Test
    void mergingIntoItselfTwiceOrIntoAMergedOrClosedComplaintAnswers409() throws Exception {
        Pair pair = flaggedPair();
        MvcResult self = mergeApi(pair.online(), pair.online(), "agent");
        assertThat(self.getResponse().getStatus()).isEqualTo(409);
        assertThat(self.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(driver.instance(pair.online())).isNotNull();

        assertThat(mergeApi(pair.online(), pair.byPhone(), "agent").getResponse().getStatus()).isEqualTo(204);
        MvcResult twice = mergeApi(pair.online(), pair.byPhone(), "agent");
        assertThat(twice.getResponse().getStatus()).isEqualTo(409);
        assertThat(json.readTree(twice.getResponse().getContentAsString(StandardCharsets.UTF_8)).get("detail").asText())
                .contains(pair.online());
        assertThat(mergeApi(pair.byPhone(), pair.online(), "agent").getResponse().getStatus())
                .as("into the merged one").isEqualTo(409);
        assertThat(eventLog.count(driver.complaint(pair.online()).id(), "MERGED")).isEqualTo(1);
        assertThat(driver.instance(pair.byPhone())).as("the target is untouched").isNotNull();

        String closed = driver.closed(Category.PROMOTION_TERMS);
        assertThat(mergeApi(pair.byPhone(), closed, "agent").getResponse().getStatus()).as("into a closed one")
                .isEqualTo(409);
        assertThat(mergeApi(closed, pair.byPhone(), "agent").getResponse().getStatus()).as("a closed one")
                .isEqualTo(409);
    }

    @Test
    void theMergeButtonMergesAndBothPagesAndTheCustomerSeeIt() throws Exception {
        Pair pair = flaggedPair();
        String token = driver.complaint(pair.online()).trackingToken();

        MvcResult clicked = mvc.perform(post("/complaints/" + pair.online() + "/merge-into/" + pair.byPhone())
                .with(user("agent").roles("cs-agents")).with(csrf())).andReturn();

        assertThat(clicked.getResponse().getRedirectedUrl()).isEqualTo("/complaints/" + pair.byPhone());
        assertThat(clicked.getFlashMap().get("merged")).isEqualTo(pair.online());
        assertThat(driver.instance(pair.online())).isNull();
        String target = page("/complaints/" + pair.byPhone(), "agent", "cs-agents");
        assertThat(target).contains("id=\"merged-complaints\"", "data-merged=\"" + pair.online() + "\"",
                "Đã gộp vào " + pair.byPhone()).doesNotContain("id=\"probable-duplicates\"");
        assertThat(page("/complaints/" + pair.online(), "agent", "cs-agents"))
                .contains("id=\"merged-into\"", "href=\"/complaints/" + pair.byPhone() + "\"");

        String tracking = mvc.perform(get("/track/" + pair.online()).param("token", token).param("lang", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tracking).contains("id=\"merged-into\"", "merged with your complaint " + pair.byPhone())
                .doesNotContain("Merged into " + pair.byPhone(), "merged into " + pair.byPhone());
        JsonNode trackingJson = json.readTree(mvc.perform(get("/api/track/" + pair.online()).param("token", token))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(trackingJson.get("mergedInto").asText()).isEqualTo(pair.byPhone());
        assertThat(trackingJson.get("waitingFor")).isEmpty();
    }

    @Test
    void aRefusedMergeOnThePageComesBackWithANotice() throws Exception {
        Pair pair = flaggedPair();
        MvcResult self = mvc.perform(post("/complaints/" + pair.online() + "/merge-into/" + pair.online())
                .with(user("agent").roles("cs-agents")).with(csrf())).andReturn();
        assertThat(self.getResponse().getRedirectedUrl()).isEqualTo("/complaints/" + pair.online());
        assertThat(self.getFlashMap().get("notice")).isNotNull();
        assertThat(mvc.perform(post("/complaints/KN-2099-999999/merge-into/" + pair.online())
                .with(user("agent").roles("cs-agents")).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(driver.instance(pair.online())).isNotNull();
    }

    @Test
    void aMergedComplaintPastRetentionGoesWithItsLinksAndTheTargetStays() throws Exception {
        Pair pair = flaggedPair();
        assertThat(mergeApi(pair.online(), pair.byPhone(), "agent").getResponse().getStatus()).isEqualTo(204);
        jdbc.sql("UPDATE complaint SET closed_at = :t, received_at = :t WHERE reference = :r")
                .param("t", OffsetDateTime.now().minusYears(11)).param("r", pair.online()).update();

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(complaints.findByReference(pair.online())).isEmpty();
        JsonNode target = complaintJson(pair.byPhone());
        assertThat(target.get("mergedFrom")).isEmpty();
        assertThat(target.get("probableDuplicates")).isEmpty();
    }

    @Test
    void twoOppositeMergesOfOnePairAtOnceLetExactlyOneThrough() throws Exception {
        for (int round = 0; round < 3; round++) {
            Pair pair = flaggedPair();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService agents = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> onlineIntoPhone = agents.submit(
                        () -> mergeWhenStarted(start, pair.online(), pair.byPhone()));
                Future<Boolean> phoneIntoOnline = agents.submit(
                        () -> mergeWhenStarted(start, pair.byPhone(), pair.online()));
                start.countDown();
                List<Boolean> merged = List.of(onlineIntoPhone.get(30, TimeUnit.SECONDS),
                        phoneIntoOnline.get(30, TimeUnit.SECONDS));
                assertThat(merged).as("merged, one each way").containsExactlyInAnyOrder(true, false);
            } finally {
                agents.shutdownNow();
            }
            List<String> open = List.of(pair.online(), pair.byPhone()).stream()
                    .filter(reference -> !driver.complaint(reference).status().ended()).toList();
            assertThat(open).as("complaints still open").hasSize(1);
            assertThat(driver.instance(open.get(0))).as("its process").isNotNull();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint_merge WHERE source_id IN (:ids)")
                    .param("ids", List.of(driver.complaint(pair.online()).id(), driver.complaint(pair.byPhone()).id()))
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void complaintsOfDifferentCustomersAreNotMergedThroughTheApi() throws Exception {
        String mine = submit(Channel.HOTLINE, DuplicateGuardTest.unique("thu.le") + "@example.vn", "agent");
        String someoneElses = submit(Channel.WEB_FORM, DuplicateGuardTest.unique("bao.vo") + "@example.vn", null);

        MvcResult refused = mergeApi(someoneElses, mine, "agent");

        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        assertThat(refused.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String detail = json.readTree(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("detail").asText();
        assertThat(detail).contains(someoneElses, mine, "khách hàng khác nhau");
        assertThat(driver.instance(someoneElses)).isNotNull();
        assertThat(driver.instance(mine)).isNotNull();
        assertThat(eventLog.count(driver.complaint(someoneElses).id(), "MERGED")).isZero();
        assertThat(complaintJson(someoneElses).get("mergedInto").isNull()).isTrue();
    }

    @Test
    void theSameCustomerByPhoneAloneMayMerge() throws Exception {
        String phone = "+84 98 %07d".formatted(System.nanoTime() % 10_000_000);
        String byPhone = submit(Channel.HOTLINE,
                new ComplaintSubmission.CustomerData("Trần Hà", null, phone, null, null, "vi"), "agent");
        String online = submit(Channel.WEB_FORM,
                new ComplaintSubmission.CustomerData("Trần Hà", DuplicateGuardTest.unique("ha.tran") + "@example.vn",
                        phone, null, null, "vi"), null);

        assertThat(mergeApi(online, byPhone, "agent").getResponse().getStatus()).isEqualTo(204);
    }

    @Test
    void aMergedComplaintWhoseDeadlinesPassedIsNotFoundAsDeadlineMissed() throws Exception {
        Pair pair = flaggedPair();
        assertThat(mergeApi(pair.online(), pair.byPhone(), "agent").getResponse().getStatus()).isEqualTo(204);
        jdbc.sql("UPDATE complaint_deadline SET due_at = :past WHERE met IS NULL AND complaint_id IN (:ids)")
                .param("past", OffsetDateTime.now().minusDays(30))
                .param("ids", List.of(driver.complaint(pair.online()).id(), driver.complaint(pair.byPhone()).id()))
                .update();

        assertThat(missedDeadlines(pair.online())).as("the merged one").isEmpty();
        assertThat(missedDeadlines(pair.byPhone())).as("the one that goes on").containsExactly(pair.byPhone());
    }

    private List<String> missedDeadlines(String reference) {
        return auditSearch.all(new AuditSearch.Criteria(reference, null, null, null, null, null, null, null, true))
                .stream().map(c -> c.reference()).toList();
    }

    private boolean mergeWhenStarted(CountDownLatch start, String source, String target) throws InterruptedException {
        start.await();
        try {
            merger.merge(source, target, new CurrentStaff("agent", Set.of(StaffRoles.AGENTS)));
            return true;
        } catch (ConflictException refused) {
            return false;
        }
    }

    private Pair flaggedPair() throws Exception {
        String email = DuplicateGuardTest.unique("minh.pham") + "@example.vn";
        String byPhone = submit(Channel.HOTLINE, email, "agent");
        String online = submit(Channel.WEB_FORM, email, null);
        assertThat(complaintJson(online).get("probableDuplicates").get(0).get("reference").asText()).isEqualTo(byPhone);
        return new Pair(byPhone, online);
    }

    private String submit(Channel channel, String email, String staff) {
        return submit(channel, DuplicateGuardTest.customer(email, null), staff);
    }

    private String submit(Channel channel, ComplaintSubmission.CustomerData customer, String staff) {
        String reference = intake.submit(new ComplaintSubmission(channel, null, Category.PAYMENT_DELAY,
                "Rút tiền chưa về", "Lệnh rút tiền hôm qua chưa về tài khoản.", LocalDate.now().minusDays(1), null,
                customer), staff, null).reference();
        driver.runJobs(reference);
        return reference;
    }

    private MvcResult mergeApi(String source, String target, String user) throws Exception {
        return mvc.perform(post("/api/complaints/" + source + "/merge-into/" + target).with(httpBasic(user, "demo")))
                .andReturn();
    }

    private JsonNode complaintJson(String reference) throws Exception {
        return json.readTree(page("/api/complaints/" + reference, "agent", "cs-agents"));
    }

    private String page(String path, String user, String group) throws Exception {
        return mvc.perform(get(path).with(user(user).roles(group))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private List<ComplaintEventLog.Event> logBook(String reference) {
        return eventLog.of(driver.complaint(reference).id());
    }
}
