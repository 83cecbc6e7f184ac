package vn.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.complaintdesk.duplicates.DuplicateGuard;
import vn.complaintdesk.support.DeskIntegrationTest;

/**
 * "The same customer" (history, intake's recorded tier and duplicate guard, the task list's
 * repeat-complainant count) is a few index lookups on PostgreSQL with 50,000 stored complaints: each
 * call runs in a transaction whose own counters (pg_stat_xact_user_tables) must show no
 * sequential scan of the complaint table and a handful of rows read.
 */
@DeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameCustomerOnPostgresIT {

    private static final int STORED = 50_000;
    // Keys no other test of the shared database uses (a test elsewhere files with 0912 345 678).
    private static final String CUSTOMER_EMAIL = "Khach.Lap.Lai@Example.VN";

    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerHistory history;
    @Autowired ComplaintRepository complaints;
    @Autowired DuplicateGuard duplicateGuard;
    @Autowired PlatformTransactionManager transactions;

    private Complaint repeatComplainant;

    @BeforeAll
    void storeFiftyThousandComplaintsOfManyCustomers() {
        jdbc.update("""
                INSERT INTO complaint (reference, status, channel, category, priority, subject, description,
                    incident_date, received_at, customer_name, customer_email, customer_email_key, customer_phone,
                    customer_account_id, customer_tier, customer_language, tracking_token, recorded_by)
                SELECT 'KN-2002-' || lpad(i::text, 6, '0'), CASE WHEN i % 10 = 0 THEN 'IN_ANALYSIS' ELSE 'CLOSED' END,
                       (ARRAY['WEB_FORM','EMAIL','HOTLINE'])[1 + i % 3], 'BILLING', 'NORMAL', 'Mẫu ' || i, 'Mẫu.',
                       DATE '2026-01-01', now() - (i % 300) * interval '1 day', 'Khách ' || i,
                       'khach' || (i % 20000) || '@example.vn', 'khach' || (i % 20000) || '@example.vn',
                       '+8491' || lpad((i % 20000)::text, 7, '0'), 'ACC-' || (i % 20000), 'STANDARD', 'vi',
                       'same-customer-' || i, CASE WHEN i % 2 = 0 THEN 'agent' ELSE 'customer' END
                FROM generate_series(1, ?) AS i""", STORED);
        jdbc.update("""
                UPDATE complaint SET customer_email = ?, customer_email_key = LOWER(?), customer_phone = '+84385550101',
                    customer_account_id = 'ACC-REPEAT'
                WHERE reference IN ('KN-2002-000010', 'KN-2002-000020', 'KN-2002-000031')""",
                CUSTOMER_EMAIL, CUSTOMER_EMAIL);
        jdbc.execute("VACUUM ANALYZE complaint");
        repeatComplainant = complaints.findByReference("KN-2002-000010").orElseThrow();
    }

    @AfterAll
    void removeThem() {
        String seeded = "(SELECT id FROM complaint WHERE reference LIKE 'KN-2002-%')";
        jdbc.update("DELETE FROM probable_duplicate WHERE complaint_id IN " + seeded + " OR duplicate_of_id IN " + seeded);
        jdbc.update("DELETE FROM complaint_event WHERE complaint_id IN " + seeded);
        jdbc.update("DELETE FROM complaint WHERE reference LIKE 'KN-2002-%'");
    }

    @Test
    void theCustomersHistoryIsFoundByLookupsNotByReadingEveryComplaint() {
        List<CustomerHistory.Entry> file = readsFewComplaints(() -> history.of(repeatComplainant.customer()));
        assertThat(file).hasSize(3);
    }

    @Test
    void aSingleKeyOfTheCustomerFindsThemInAnyCase() {
        Complaint.Customer byEmailOnly = new Complaint.Customer("Khách", CUSTOMER_EMAIL.toUpperCase(), null, null,
                CustomerTier.STANDARD, "vi");
        assertThat(readsFewComplaints(() -> history.of(byEmailOnly))).hasSize(3);
    }

    @Test
    void intakesRecordedTierAndDuplicateWindowAreLookups() {
        OffsetDateTime received = repeatComplainant.receivedAt();
        assertThat(readsFewComplaints(() -> history.receivedBetween(repeatComplainant.customer(),
                received.minusDays(30), received.plusDays(30)))).isNotEmpty();
        assertThat(readsFewComplaints(() -> history.tierRecordedByStaff(repeatComplainant.customer()))).isPresent();
        readsFewComplaints(() -> {
            duplicateGuard.checkNewComplaint(repeatComplainant.id());
            return null;
        });
    }

    @Test
    void theTaskListsRepeatComplainantCountIsALookupPerShownRow() {
        List<Complaint> shown = List.of(repeatComplainant, complaints.findByReference("KN-2002-000042").orElseThrow());
        assertThat(readsFewComplaints(() -> history.otherComplaints(shown))).containsEntry("KN-2002-000010", 2);
    }

    private <T> T readsFewComplaints(Supplier<T> call) {
        return new TransactionTemplate(transactions).execute(status -> {
            long[] before = counters();
            T result = call.get();
            long[] after = counters();
            assertThat(after[0] - before[0]).as("sequential scans of complaint").isZero();
            assertThat(after[1] - before[1]).as("complaint rows read").isLessThan(STORED / 100);
            return result;
        });
    }

    /** This transaction's sequential scans and rows read of the complaint table, as PostgreSQL counts them. */
    private long[] counters() {
        return jdbc.queryForObject("""
                SELECT seq_scan, seq_tup_read + COALESCE(idx_tup_fetch, 0)
                FROM pg_stat_xact_user_tables WHERE relname = 'complaint'""",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }
}
