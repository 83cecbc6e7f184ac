package vn.complaintdesk.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the log book for {@code complaints.retention.years} (default 10) after a complaint ended
 * (closed, withdrawn or refused), then deletes it with everything attached to it. Camunda's own
 * history goes by the processes' history time-to-live in its cleanup window.
 */
@Component
public class RetentionCleanup {

    private static final Logger log = LoggerFactory.getLogger(RetentionCleanup.class);
    private static final int BATCH = 500;

    /** Rows linking two complaints (duplicate guard) go when either of the two goes. */
    private static final List<String> LINKS = List.of(
            "DELETE FROM probable_duplicate WHERE complaint_id IN (:ids) OR duplicate_of_id IN (:ids)",
            "DELETE FROM complaint_merge WHERE source_id IN (:ids) OR target_id IN (:ids)");

    /** Children first; attachments after the notes that point at them. */
    private static final List<String> CHILD_TABLES = List.of("complaint_note", "attachment", "notification", "letter",
            "complaint_event", "complaint_deadline", "analysis", "info_request", "investigation", "approval",
            "resolution_proposal", "customer_answer", "escalation", "lesson_learned", "survey_result",
            "recovery_action", "intake_request", "inbound_message");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int years;

    public RetentionCleanup(JdbcClient jdbc, TransactionTemplate transaction, Clock clock,
            @Value("${complaints.retention.years:10}") int years) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.years = years;
    }

    /**
     * Nightly, in the quiet hours, on one node (cluster lock {@code retention-cleanup}, held at least
     * a few minutes so that a node whose clock is a little behind does not start it again).
     */
    @Scheduled(cron = "${complaints.retention.cron:0 30 2 * * *}", zone = "${complaints.calendar.zone:Asia/Ho_Chi_Minh}")
    @SchedulerLock(name = "retention-cleanup", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    public void nightlyCleanup() {
        deleteExpired();
    }

    /** Each batch in its own transaction. Answers how many were deleted. */
    public int deleteExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minusYears(years);
        int deleted = 0;
        List<Long> ids;
        do {
            ids = jdbc.sql("""
                    SELECT id FROM complaint
                    WHERE status IN ('CLOSED', 'WITHDRAWN', 'REJECTED_TIME_BARRED')
                      AND COALESCE(closed_at, received_at) < :cutoff
                    ORDER BY id LIMIT :batch""")
                    .param("cutoff", cutoff).param("batch", BATCH).query(Long.class).list();
            List<Long> batch = ids;
            if (!batch.isEmpty()) {
                transaction.executeWithoutResult(status -> {
                    LINKS.forEach(link -> jdbc.sql(link).param("ids", batch).update());
                    for (String table : CHILD_TABLES) {
                        jdbc.sql("DELETE FROM " + table + " WHERE complaint_id IN (:ids)").param("ids", batch).update();
                    }
                    jdbc.sql("DELETE FROM complaint WHERE id IN (:ids)").param("ids", batch).update();
                });
                deleted += batch.size();
            }
        } while (ids.size() == BATCH);
        // Messages that never became part of a complaint (set aside, from strangers) go as well.
        int messages = jdbc.sql("DELETE FROM inbound_message WHERE complaint_id IS NULL AND received_at < :cutoff")
                .param("cutoff", cutoff).update();
        if (deleted > 0 || messages > 0) {
            log.info("Retention: deleted {} complaints that ended and {} stray inbound messages from before {}",
                    deleted, messages, cutoff);
        }
        return deleted;
    }
}
