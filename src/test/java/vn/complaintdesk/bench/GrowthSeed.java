package vn.complaintdesk.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored complaints for the growth benchmark, straight into PostgreSQL in batches: references of the
 * year 2001 (no real sequence reaches them), customers with a few complaints each over the last
 * year, nine in ten closed; each open one with the six deadline timers an open complaint keeps in
 * the engine's job table (due in the future; no process instances behind them).
 */
final class GrowthSeed {

    private static final int BATCH = 50_000;
    private static final int TIMERS_PER_OPEN = 6;

    private final JdbcTemplate jdbc;
    private int seeded;

    GrowthSeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Seeds until {@code level} complaints are seeded in all; answers how many the table holds. */
    int upTo(int level) {
        while (seeded < level) {
            int from = seeded + 1;
            int to = Math.min(level, seeded + BATCH);
            jdbc.update("""
                    INSERT INTO complaint (reference, status, channel, category, priority, subject, description,
                        incident_date, received_at, customer_name, customer_email, customer_phone, customer_tier,
                        customer_language, tracking_token, recorded_by, closed_at)
                    SELECT 'KN-2001-' || lpad(i::text, 7, '0'),
                           CASE WHEN i % 10 = 0 THEN 'IN_ANALYSIS' ELSE 'CLOSED' END,
                           (ARRAY['WEB_FORM','EMAIL','HOTLINE','LIVE_CHAT','MOBILE_APP'])[1 + i % 5],
                           (ARRAY['PAYMENT_DELAY','TECHNICAL_ERROR','BILLING','SERVICE_QUALITY'])[1 + i % 4],
                           'NORMAL', 'Khiếu nại mẫu ' || i, 'Nội dung khiếu nại mẫu.',
                           received::date - 1, received, 'Khách ' || (i % 250000),
                           'khach' || (i % 250000) || '@example.vn', '+8490' || lpad((i % 250000)::text, 7, '0'),
                           'STANDARD', 'vi', 'growth-' || i, 'system',
                           CASE WHEN i % 10 = 0 THEN NULL ELSE received + interval '5 days' END
                    FROM (SELECT i, now() - (random() * interval '365 days') AS received
                          FROM generate_series(?, ?) AS i) s""", from, to);
            jdbc.update("""
                    INSERT INTO act_ru_job (id_, rev_, type_, exclusive_, process_instance_id_, retries_, duedate_,
                        handler_type_, handler_cfg_, suspension_state_, priority_, sequence_counter_, create_time_)
                    SELECT 'growth-' || i || '-' || t, 1, 'timer', TRUE, 'growth-' || i, 3,
                           now() + (t * interval '3 days') + interval '30 days', 'timer-transition', 'Timer_' || t,
                           1, 0, 1, now()
                    FROM generate_series(?, ?) AS i CROSS JOIN generate_series(1, ?) AS t
                    WHERE i % 10 = 0""", from, to, TIMERS_PER_OPEN);
            seeded = to;
        }
        jdbc.execute("VACUUM ANALYZE complaint");
        jdbc.execute("VACUUM ANALYZE act_ru_job");
        return jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Integer.class);
    }

    int open() {
        return seeded / 10;
    }

    void remove() {
        jdbc.update("DELETE FROM act_ru_job WHERE id_ LIKE 'growth-%'");
        jdbc.update("DELETE FROM complaint WHERE reference LIKE 'KN-2001-%'");
    }
}
