package vn.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/** Complaints seeded in months no other test uses, with analysis times chosen so the figures can be counted by hand. */
@DeskTest
class WhereComplaintsWaitTest {

    private static final ZoneId DESK = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String PROCESS = "complaint-handling";
    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Autowired ProcessDriver driver;
    @Autowired WhereComplaintsWait whereComplaintsWait;
    @Autowired MockMvc mvc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void countsAndDurationsEqualAHandComputationOverSeededComplaints() throws Exception {
        OffsetDateTime received = OffsetDateTime.parse("2036-05-03T09:00:00+07:00");
        LocalDate from = LocalDate.of(2036, 5, 1);
        LocalDate to = LocalDate.of(2036, 5, 31);
        WhereComplaintsWait.ActivityWait analysisBefore = figures(from, to, "AnalyzeComplaint");
        WhereComplaintsWait.ActivityWait proposalBefore = figures(from, to, "ProposeResolution");

        at(received);
        List<String> references = List.of(submit(), submit(), submit(), submit(), submit());
        // Analysed after 2 h, 3 h, 10 h and 28 h; the fifth complaint is still waiting for its analysis.
        int[] hoursToAnalyse = {2, 3, 10, 28};
        for (int i = 0; i < hoursToAnalyse.length; i++) {
            at(received.plusHours(hoursToAnalyse[i]));
            driver.complete(references.get(i), "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        }

        WhereComplaintsWait.ActivityWait analysis = figures(from, to, "AnalyzeComplaint");
        assertThat(analysis.waiting()).isEqualTo(analysisBefore.waiting() + 1);
        assertThat(figures(from, to, "ProposeResolution").waiting()).isEqualTo(proposalBefore.waiting() + 4);
        assertThat(analysis.passed()).isEqualTo(4);
        // Sorted: 2, 3, 10, 28 h. Median: mean of the middle two. 90th percentile (continuous):
        // rank 0.9 × (4 − 1) = 2.7, so 10 h + 0.7 × (28 h − 10 h).
        assertThat(analysis.medianMillis()).isCloseTo((3 + 10) / 2.0 * HOUR, within(1.0));
        assertThat(analysis.p90Millis()).isCloseTo((10 + 0.7 * (28 - 10)) * HOUR, within(1.0));

        String row = row(mvc.perform(get("/processes/complaint-handling/waiting").param("from", from.toString())
                        .param("to", to.toString()).param("lang", "en").with(user("director").roles("cs-directors")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"diagram\"")))
                .andReturn().getResponse().getContentAsString(), "AnalyzeComplaint");
        assertThat(row).contains("<td class=\"passed\">4</td>")
                .contains("<td class=\"median\">6 h 30 min</td>")
                .contains("<td class=\"p90\">22 h 36 min</td>")
                .contains(">" + analysis.waiting() + "</span>");
    }

    @Test
    void onlyStepsLeftWithinTheChosenDaysOfTheDesksCalendarCount() {
        OffsetDateTime received = OffsetDateTime.parse("2036-07-30T09:00:00+07:00");
        at(received);
        String quick = submit();
        String lateInTheMonth = submit();
        String nextMonth = submit();
        at(received.plusHours(1));
        driver.complete(quick, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        // 23:30 in Vietnam on 31 July is still July there, though it is 16:30 UTC.
        at(OffsetDateTime.parse("2036-07-31T23:30:00+07:00"));
        driver.complete(lateInTheMonth, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        at(received.plusDays(3));
        driver.complete(nextMonth, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));

        WhereComplaintsWait.ActivityWait july = figures(LocalDate.of(2036, 7, 1), LocalDate.of(2036, 7, 31),
                "AnalyzeComplaint");
        assertThat(july.passed()).isEqualTo(2);
        assertThat(july.medianMillis()).isCloseTo((1 + 38.5) / 2 * HOUR, within(1.0));
        WhereComplaintsWait.ActivityWait august = figures(LocalDate.of(2036, 8, 1), LocalDate.of(2036, 8, 31),
                "AnalyzeComplaint");
        assertThat(august.passed()).isEqualTo(1);
        assertThat(august.medianMillis()).isCloseTo(72.0 * HOUR, within(1.0));
        assertThat(august.p90Millis()).isCloseTo(72.0 * HOUR, within(1.0));
        WhereComplaintsWait.ActivityWait june = figures(LocalDate.of(2036, 6, 1), LocalDate.of(2036, 6, 30),
                "AnalyzeComplaint");
        assertThat(june.passed()).isZero();
        assertThat(june.medianMillis()).isNull();
        assertThat(june.waiting()).isEqualTo(july.waiting());
    }

    @Test
    void theDefaultPeriodIsThisMonthAndTheDiagramIsTheDeployedXml() throws Exception {
        at(OffsetDateTime.parse("2036-09-17T10:00:00+07:00"));
        mvc.perform(get("/processes/complaint-handling/waiting").with(user("analyst").roles("analysts")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"2036-09-01\"")))
                .andExpect(content().string(Matchers.containsString("value=\"2036-09-17\"")))
                .andExpect(content().string(Matchers.containsString("data-activity=\"ReceiveTask_WaitForCustomerInfo\"")))
                .andExpect(content().string(Matchers.containsString("data-activity=\"CallActivity_ExternalEscalation\"")));
        mvc.perform(get("/processes/complaint-handling/diagram.bpmn").with(user("admin").roles("camunda-admin")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(content().string(Matchers.containsString("id=\"AnalyzeComplaint\"")));
    }

    @Test
    void agentsAndAuditorsMayNotSeeItAndBadInputIsAClientError() throws Exception {
        for (String path : new String[] {"/processes/complaint-handling/waiting", "/processes/complaint-handling/diagram.bpmn"}) {
            mvc.perform(get(path).with(user("agent").roles("cs-agents"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(user("auditor").roles("auditors"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/processes/complaint-handling/waiting")).andExpect(status().is3xxRedirection());
        var director = user("director").roles("cs-directors");
        mvc.perform(get("/processes/complaint-handling/waiting").param("from", "2036-13-01").with(director))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/processes/complaint-handling/waiting").param("from", "2036-05-02").param("to", "2036-05-01")
                .with(director)).andExpect(status().isBadRequest());
        mvc.perform(get("/processes/complaint-handling/waiting").param("version", "one").with(director))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/processes/complaint-handling/waiting").param("version", "9999").with(director))
                .andExpect(status().isNotFound());
        mvc.perform(get("/processes/no-such-process/waiting").with(director)).andExpect(status().isNotFound());
        mvc.perform(get("/processes/no-such-process/diagram.bpmn").with(director)).andExpect(status().isNotFound());
    }

    @Test
    void theBusiestStepIsTheHottestAndAnEmptyStepIsCold() {
        assertThat(WhereComplaintsWait.heat(0, 5)).isZero();
        assertThat(WhereComplaintsWait.heat(1, 5)).isEqualTo(1);
        assertThat(WhereComplaintsWait.heat(3, 5)).isEqualTo(3);
        assertThat(WhereComplaintsWait.heat(5, 5)).isEqualTo(WhereComplaintsWait.HOTTEST);
    }

    private WhereComplaintsWait.ActivityWait figures(LocalDate from, LocalDate to, String activityId) {
        Instant start = from.atStartOfDay(DESK).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(DESK).toInstant();
        return whereComplaintsWait.of(PROCESS, null, start, end).activities().stream()
                .filter(a -> a.id().equals(activityId)).findFirst().orElseThrow();
    }

    private String submit() {
        return driver.submit(Category.SERVICE_QUALITY).reference();
    }

    private static void at(OffsetDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    }

    private static String row(String page, String activityId) {
        int start = page.indexOf("data-activity=\"" + activityId + "\"");
        assertThat(start).as("row of " + activityId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
