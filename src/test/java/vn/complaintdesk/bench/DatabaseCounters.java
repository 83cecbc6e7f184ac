package vn.complaintdesk.bench;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One database's own counters (pg_stat_database): rows written, tuples read, transactions. PostgreSQL
 * publishes a backend's counts at most once a second, and an idle one's after ten seconds, so a
 * reading waits {@link #SETTLE} first.
 */
record DatabaseCounters(long rowsWritten, long tuplesRead, long transactions, long nanoTime) {

    static final Duration SETTLE = Duration.ofSeconds(11);

    static DatabaseCounters read(JdbcTemplate jdbc, String database) {
        try {
            Thread.sleep(SETTLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jdbc.execute("SELECT pg_stat_clear_snapshot()");
        return jdbc.queryForObject("""
                SELECT tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched, xact_commit + xact_rollback
                FROM pg_stat_database WHERE datname = ?""",
                (rs, n) -> new DatabaseCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3), System.nanoTime()), database);
    }

    /** What happened since {@code before}, less what the idle desk does in as long (its pollers and job executor). */
    Delta since(DatabaseCounters before, Delta idlePerSecond) {
        double seconds = (nanoTime - before.nanoTime) / 1e9;
        return new Delta(rowsWritten - before.rowsWritten - idlePerSecond.rowsWritten() * seconds,
                tuplesRead - before.tuplesRead - idlePerSecond.tuplesRead() * seconds,
                transactions - before.transactions - idlePerSecond.transactions() * seconds);
    }

    Delta perSecondSince(DatabaseCounters before) {
        double seconds = (nanoTime - before.nanoTime) / 1e9;
        return new Delta((rowsWritten - before.rowsWritten) / seconds, (tuplesRead - before.tuplesRead) / seconds,
                (transactions - before.transactions) / seconds);
    }

    record Delta(double rowsWritten, double tuplesRead, double transactions) {

        static final Delta NONE = new Delta(0, 0, 0);

        Delta per(int count) {
            return new Delta(rowsWritten / count, tuplesRead / count, transactions / count);
        }
    }
}
