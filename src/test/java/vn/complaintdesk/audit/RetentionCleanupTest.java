package vn.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/** The log book is kept for the retention period after a complaint ended, then deleted whole. */
@DeskTest
class RetentionCleanupTest {

    @Autowired RetentionCleanup cleanup;
    @Autowired ProcessDriver driver;
    @Autowired ComplaintRepository complaints;
    @Autowired JdbcClient jdbc;

    @Test
    void aComplaintClosedElevenYearsAgoGoesAndOneClosedNineYearsAgoStays() {
        String old = driver.closed(Category.DELIVERY);
        String recent = driver.closed(Category.DELIVERY);
        String open = driver.submit(Category.DELIVERY).reference();
        age(old, 11);
        age(recent, 9);
        jdbc.sql("UPDATE complaint SET received_at = :t WHERE reference = :r")
                .param("t", OffsetDateTime.now().minusYears(12)).param("r", open).update();

        assertThat(cleanup.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(complaints.findByReference(old)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint_event e WHERE NOT EXISTS "
                + "(SELECT 1 FROM complaint c WHERE c.id = e.complaint_id)").query(Long.class).single()).isZero();
        assertThat(complaints.findByReference(recent)).isPresent();
        assertThat(complaints.findByReference(open)).as("still being handled").isPresent();
    }

    @Test
    void messagesThatNeverBecamePartOfAComplaintGoAfterTheRetentionPeriodToo() {
        for (int years : new int[] {11, 9}) {
            jdbc.sql("""
                    INSERT INTO inbound_message (channel, source, external_id, sender, received_at, outcome, error)
                    VALUES ('EMAIL', 'email', :id, 'x@example.vn', :at, 'SET_ASIDE', 'too large')""")
                    .param("id", "<retention-" + years + "@example.vn>")
                    .param("at", OffsetDateTime.now().minusYears(years)).update();
        }

        cleanup.deleteExpired();

        assertThat(jdbc.sql("SELECT external_id FROM inbound_message WHERE external_id LIKE '<retention-%'")
                .query(String.class).list()).containsExactly("<retention-9@example.vn>");
    }

    private void age(String reference, int years) {
        jdbc.sql("UPDATE complaint SET closed_at = :t, received_at = :t WHERE reference = :r")
                .param("t", OffsetDateTime.now().minusYears(years)).param("r", reference).update();
    }
}
