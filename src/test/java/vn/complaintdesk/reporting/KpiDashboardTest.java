package vn.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.duplicates.ComplaintMerger;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.security.CurrentStaff;
import vn.complaintdesk.security.StaffRoles;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/**
 * A seeded set of complaints, all received on one day no other test uses, gives KPI numbers
 * counted by hand.
 */
@DeskTest
class KpiDashboardTest {

    private static final LocalDate DAY = LocalDate.of(2030, 3, 4);
    private static final LocalDate MERGE_DAY = LocalDate.of(2031, 6, 2);
    private static final Map<String, Object> EXPLANATION = Map.of("rootCause", "x", "remedy", "EXPLANATION",
            "replyText", "Giải thích");

    @Autowired ProcessDriver driver;
    @Autowired IntakeService intake;
    @Autowired KpiQueries kpiQueries;
    @Autowired ComplaintMerger merger;
    @Autowired MockMvc mvc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void seededComplaintsGiveTheNumbersCountedByHand() throws Exception {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2030-03-04T10:00:00+07:00").toInstant()));
        String firstContact = driver.closed(Category.PROMOTION_TERMS);
        rate(firstContact, 5);

        String investigated = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(investigated, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE", "departments", "FINANCE"));
        driver.complete(investigated, "InvestigateInDepartment", "finance", Map.of("findings", "Treo giao dịch"));
        driver.complete(investigated, "ProposeResolution", "agent", Map.of("rootCause", "x", "remedy", "REFUND",
                "amount", 50000, "replyText", "Hoàn tiền"));
        driver.complete(investigated, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        driver.customer(investigated, "CustomerAnswered", Map.of("accepts", true));
        driver.complete(investigated, "RecordLessonsLearned", "agent", Map.of("lesson", "x"));
        rate(investigated, 2);

        String secondRound = driver.replied(Category.SERVICE_QUALITY);
        driver.customer(secondRound, "CustomerAnswered", Map.of("accepts", false, "reason", "không đồng ý"));
        driver.complete(secondRound, "ReviewSecondRound", "director2", EXPLANATION);
        driver.complete(secondRound, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        driver.customer(secondRound, "CustomerAnswered", Map.of("accepts", true));

        String escalated = driver.replied(Category.SERVICE_QUALITY);
        driver.customer(escalated, "CustomerAnswered", Map.of("accepts", false, "reason", "không"));
        driver.complete(escalated, "ReviewSecondRound", "director2", EXPLANATION);
        driver.complete(escalated, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        driver.customer(escalated, "CustomerAnswered", Map.of("accepts", false, "reason", "ra tòa"));
        driver.complete(escalated, "HandleExternalEscalation", "legal", Map.of("route", "COURT", "caseReference", "TA-1"));

        intake.submit(Complaints.submission(Category.PAYMENT_DELAY, DAY.minusDays(40)), null, null);

        KpiQueries.Kpis kpis = kpiQueries.of(DAY, DAY);
        assertThat(kpis.total()).isEqualTo(5);
        assertThat(kpis.byChannel()).containsExactly(Map.entry("WEB_FORM", 5L));
        assertThat(kpis.byCategory()).containsEntry("SERVICE_QUALITY", 2L).containsEntry("PAYMENT_DELAY", 2L)
                .containsEntry("PROMOTION_TERMS", 1L);
        assertThat(kpis.byWeek()).containsExactly(Map.entry("2030-W10", 5L));
        assertThat(kpis.firstContactShare()).isCloseTo(100.0 / 3, within(0.01));
        assertThat(kpis.secondRoundShare()).isEqualTo(50.0);
        assertThat(kpis.escalationShare()).isEqualTo(25.0);
        assertThat(kpis.csatAverage()).isEqualTo(3.5);
        assertThat(kpis.csatDistribution()).containsExactly(Map.entry(2, 1L), Map.entry(5, 1L));
        assertThat(kpis.recoveryOpened()).isEqualTo(1);
        assertThat(kpis.medianResolutionDays()).isEqualTo(0.0);
        assertThat(kpis.deadlineMetShare()).containsEntry("reply", 100.0).containsEntry("acknowledgement", 100.0);

        mvc.perform(get("/dashboard").param("from", DAY.toString()).param("to", DAY.toString())
                        .with(user("director").roles("cs-directors")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"kpi-total\">5")))
                .andExpect(content().string(Matchers.containsString("chart-data")))
                .andExpect(content().string(Matchers.containsString("id=\"kpi-previous-total\"")));
        mvc.perform(get("/dashboard").with(user("agent").roles("cs-agents"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").param("from", "x").with(user("auditor").roles("auditors")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aMergedComplaintIsNotCountedAgainNorItsPassedDeadlinesAsMissed() throws Exception {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2031-06-02T10:00:00+07:00").toInstant()));
        String goesOn = driver.replied(Category.PAYMENT_DELAY);
        String duplicate = driver.submit(Category.PAYMENT_DELAY).reference();
        merger.merge(duplicate, goesOn, new CurrentStaff("agent", Set.of(StaffRoles.AGENTS)));
        driver.customer(goesOn, "CustomerAnswered", Map.of("accepts", true));
        driver.complete(goesOn, "RecordLessonsLearned", "agent", Map.of("lesson", "x"));

        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2031-09-01T10:00:00+07:00").toInstant()));
        KpiQueries.Kpis kpis = kpiQueries.of(MERGE_DAY, MERGE_DAY);

        assertThat(kpis.total()).isEqualTo(1);
        assertThat(kpis.byCategory()).containsExactly(Map.entry("PAYMENT_DELAY", 1L));
        assertThat(kpis.deadlineMetShare()).isNotEmpty().allSatisfy((name, share) -> assertThat(share).as(name)
                .isEqualTo(100.0));
    }

    private void rate(String reference, int rating) {
        driver.fireTimer(reference, "Timer_SurveyDelay");
        driver.customer(reference, "SurveyAnswered", Map.of("rating", rating));
    }
}
