package vn.complaintdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.complaintdesk.support.DeskIntegrationTest;

/**
 * The job executor's acquisition on PostgreSQL reads the due jobs only, however many timers stand
 * in the future (six per open complaint): measured from the database's own counters for the
 * acquisition's transaction.
 */
@DeskIntegrationTest
class JobAcquisitionOnPostgresIT {

    private static final int STANDING_TIMERS = 10_000;

    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void acquisitionReadsNoStandingTimerWhenTenThousandWaitInTheFuture() {
        jdbc.update("""
                INSERT INTO act_ru_job (id_, rev_, type_, exclusive_, process_instance_id_, retries_, duedate_,
                    handler_type_, handler_cfg_, suspension_state_, priority_, sequence_counter_, create_time_)
                SELECT 'standing-' || i, 1, 'timer', TRUE, 'standing-' || i, 3, now() + interval '200 days',
                    'timer-transition', 'Timer_ReplyBreach', 1, 0, 1, now()
                FROM generate_series(1, ?) AS i""", STANDING_TIMERS);
        jdbc.execute("ANALYZE act_ru_job");
        try {
            Map<String, Long> read = new TransactionTemplate(transactions).execute(status -> {
                Map<String, Long> before = counters();
                List<AcquirableJobEntity> due = acquisitionQuery();
                assertThat(due).noneMatch(job -> job.getId().startsWith("standing-"));
                Map<String, Long> after = counters();
                return Map.of("seqScans", after.get("seq_scan") - before.get("seq_scan"),
                        "tuples", after.get("tuples") - before.get("tuples"));
            });
            assertThat(read.get("seqScans")).as("sequential scans of act_ru_job").isZero();
            assertThat(read.get("tuples")).as("rows of act_ru_job read").isLessThan(STANDING_TIMERS / 100);
        } finally {
            jdbc.update("DELETE FROM act_ru_job WHERE id_ LIKE 'standing-%'");
        }
    }

    @Test
    void everyJobGetsADueDateAndTheDueDateIsIndexed() {
        ProcessEngineConfigurationImpl configuration = configuration();
        assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
        assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_job'", String.class))
                .anyMatch(definition -> definition.contains("ix_act_ru_job_due") && definition.contains("(duedate_)"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE duedate_ IS NULL", Long.class)).isZero();
    }

    /** The query the job executor runs on every acquisition, with the engine's own settings. */
    private List<AcquirableJobEntity> acquisitionQuery() {
        Command<List<AcquirableJobEntity>> query = context -> context.getJobManager().findNextJobsToExecute(
                new Page(0, configuration().getJobExecutor().getMaxJobsPerAcquisition()));
        return configuration().getCommandExecutorTxRequired().execute(query);
    }

    /** This transaction's sequential scans and rows read of act_ru_job, as PostgreSQL counts them. */
    private Map<String, Long> counters() {
        return jdbc.queryForObject("""
                SELECT seq_scan, seq_tup_read + COALESCE(idx_tup_fetch, 0) AS tuples
                FROM pg_stat_xact_user_tables WHERE relname = 'act_ru_job'""",
                (rs, n) -> Map.of("seq_scan", rs.getLong(1), "tuples", rs.getLong(2)));
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }
}
