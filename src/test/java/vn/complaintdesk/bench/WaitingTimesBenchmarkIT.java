package vn.complaintdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.complaintdesk.reporting.WhereComplaintsWait;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/**
 * Figures, not assertions: run with
 * {@code ./mvnw -B -o verify -Pbench -Dit.test=WaitingTimesBenchmarkIT}. Seeds the engine's activity
 * history of 100,000 complaints over twelve months (twelve activities each, 1.2 million rows; a few
 * still waiting) straight into PostgreSQL, then times "where complaints wait" for a month and a year.
 */
@Tag("bench")
@org.junit.jupiter.api.Order(1)
@vn.complaintdesk.support.DeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaitingTimesBenchmarkIT {

    private static final int COMPLAINTS = Integer.getInteger("bench.seed.complaints", 100_000);
    private static final int WARM_UP = 2;
    private static final int REPETITIONS = 7;

    @Autowired JdbcTemplate jdbc;
    @Autowired WhereComplaintsWait whereComplaintsWait;
    @Autowired WorkingDayCalendar calendar;
    @Autowired Clock clock;

    private ZoneId zone;
    private LocalDate today;

    @BeforeAll
    void seedActivityHistory() {
        zone = calendar.zone();
        today = LocalDate.now(clock.withZone(zone));
        String definition = jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'complaint-handling'"
                + " ORDER BY VERSION_ DESC LIMIT 1", String.class);
        long start = System.nanoTime();
        // Each complaint starts at a random moment of the last year; its steps follow one another, each
        // taking a random time skewed towards short; the newest 2 % still wait at their last step.
        int rows = jdbc.update("""
                INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,
                    EXECUTION_ID_, ACT_ID_, ACT_NAME_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_,
                    ACT_INST_STATE_, SEQUENCE_COUNTER_)
                SELECT 'bench-' || c.i || '-' || a.n, 'complaint-handling', ?, 'bench-' || c.i, 'bench-' || c.i,
                       'bench-' || c.i, a.act, a.act, a.type,
                       c.received + (a.n * interval '10 hours'),
                       CASE WHEN c.i % 50 = 0 AND a.n >= 9 THEN NULL
                            ELSE c.received + (a.n * interval '10 hours') + (random() ^ 3 * interval '6 days') END,
                       NULL, 0, a.n
                FROM (SELECT i, now() - (random() * interval '365 days') AS received
                      FROM generate_series(1, ?) AS i) c
                CROSS JOIN (VALUES (1, 'StartEvent_ComplaintReceived', 'startEvent'),
                                   (2, 'Task_DetermineLimitationPeriod', 'businessRuleTask'),
                                   (3, 'Task_TriageComplaint', 'businessRuleTask'),
                                   (4, 'SubProcess_HandleComplaint', 'subProcess'),
                                   (5, 'Task_SendAcknowledgement', 'serviceTask'),
                                   (6, 'AnalyzeComplaint', 'userTask'),
                                   (7, 'ProposeResolution', 'userTask'),
                                   (8, 'Task_SendReplyLetter', 'serviceTask'),
                                   (9, 'ReceiveTask_WaitForCustomerAnswer', 'receiveTask'),
                                   (10, 'RecordLessonsLearned', 'userTask'),
                                   (11, 'Timer_SurveyDelay', 'intermediateTimer'),
                                   (12, 'ReceiveTask_WaitForSurvey', 'receiveTask')) AS a(n, act, type)""",
                definition, COMPLAINTS);
        jdbc.update("UPDATE ACT_HI_ACTINST SET DURATION_ = CAST(EXTRACT(EPOCH FROM (END_TIME_ - START_TIME_)) * 1000 AS BIGINT)"
                + " WHERE ID_ LIKE 'bench-%' AND END_TIME_ IS NOT NULL");
        jdbc.execute("VACUUM ANALYZE ACT_HI_ACTINST");
        System.out.printf(Locale.ROOT, "BENCH waiting times: seeded %d activity instances in %.1f s%n", rows,
                (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    void removeSeededHistory() {
        jdbc.update("DELETE FROM ACT_HI_ACTINST WHERE ID_ LIKE 'bench-%'");
    }

    @Test
    void whereComplaintsWaitOverAMonthAndAYear() {
        Instant now = today.plusDays(1).atStartOfDay(zone).toInstant();
        WhereComplaintsWait.Report month = time("where complaints wait, this month",
                () -> whereComplaintsWait.of("complaint-handling", null,
                        today.withDayOfMonth(1).atStartOfDay(zone).toInstant(), now));
        WhereComplaintsWait.Report year = time("where complaints wait, twelve months",
                () -> whereComplaintsWait.of("complaint-handling", null,
                        today.minusMonths(12).atStartOfDay(zone).toInstant(), now));
        System.out.println("BENCH waiting times, plan over twelve months:\n" + String.join("\n", jdbc.queryForList("""
                EXPLAIN (ANALYZE, BUFFERS)
                SELECT a.ACT_ID_, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a.DURATION_),
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY a.DURATION_)
                FROM ACT_HI_ACTINST a
                WHERE a.PROC_DEF_ID_ IN (SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'complaint-handling')
                  AND a.END_TIME_ >= now() - interval '12 months' AND a.DURATION_ IS NOT NULL
                  AND a.ACT_TYPE_ IN ('userTask', 'receiveTask', 'subProcess', 'intermediateTimer')
                GROUP BY a.ACT_ID_""", String.class)));
        WhereComplaintsWait.ActivityWait analysis = year.activities().stream()
                .filter(a -> a.id().equals("AnalyzeComplaint")).findFirst().orElseThrow();
        System.out.printf(Locale.ROOT, "BENCH waiting times, AnalyzeComplaint over twelve months: %d left, median %.1f h,"
                        + " p90 %.1f h; waiting at the customer's answer now: %d%n", analysis.passed(),
                analysis.medianMillis() / 3.6e6, analysis.p90Millis() / 3.6e6,
                year.activities().stream().filter(a -> a.id().equals("ReceiveTask_WaitForCustomerAnswer"))
                        .findFirst().orElseThrow().waiting());
        assertThat(analysis.passed()).isGreaterThan(COMPLAINTS * 9L / 10);
        assertThat(month.activities()).isNotEmpty();
    }

    private static <T> T time(String label, Supplier<T> call) {
        return Timings.time(label, WARM_UP, REPETITIONS, call);
    }
}
