package vn.complaintdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.complaintdesk.audit.AuditSearch;
import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.reporting.KpiQueries;
import vn.complaintdesk.workflow.WorkingDayCalendar;
import vn.complaintdesk.support.DeskIntegrationTest;

/**
 * Figures, not assertions: run with
 * {@code ./mvnw -B -o verify -Pbench -Dit.test=HundredThousandComplaintsBenchmarkIT}. Seeds 100,000
 * complaints of the last twelve months straight into PostgreSQL (with their deadlines, log book,
 * information requests, investigations, approvals, surveys and escalations; no process instances),
 * then times the KPI queries, the dashboard, the auditors' search and the staff search. Prints lines
 * starting with {@code BENCH}; compare runs on the same machine. Only the counts are asserted.
 * The seeded rows stay in the embedded database until the JVM ends.
 */
@Tag("bench")
@DeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HundredThousandComplaintsBenchmarkIT {

    private static final int COMPLAINTS = Integer.getInteger("bench.seed.complaints", 100_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 2);
    private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 7);
    /** Complaints generated, and inserted with their child rows, per block. */
    private static final int BLOCK = 5_000;
    /** References KN-<year>-8xxxxx: far above any sequence the other tests reach. */
    private static final int REFERENCE_BASE = 800_000;
    /** Searched by name: a family and middle name that many seeded customers share. */
    private static final String CUSTOMER_NAME = "Nguyễn Văn Hùng";

    @Autowired JdbcTemplate jdbc;
    @Autowired KpiQueries kpiQueries;
    @Autowired AuditSearch auditSearch;
    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired WorkingDayCalendar calendar;

    private ZoneId zone;
    private LocalDate today;
    private LocalDate yearFrom;
    private LocalDate quarterFrom;
    private LocalDate monthFrom;
    /** Complaints in the twelve months, and in all, before seeding. */
    private long yearBefore;
    private long complaintsBefore;
    private Seeded seeded;

    @BeforeAll
    void seedAHundredThousandComplaints() {
        zone = calendar.zone();
        today = LocalDate.now(clock.withZone(zone));
        yearFrom = today.minusMonths(12).plusDays(1);
        quarterFrom = today.minusMonths(3).plusDays(1);
        monthFrom = today.minusMonths(1).plusDays(1);
        yearBefore = kpiQueries.of(yearFrom, today).total();
        complaintsBefore = count("SELECT COUNT(*) FROM complaint");

        long seedStart = System.nanoTime();
        seeded = new Seeder(zone, OffsetDateTime.now(clock).atZoneSameInstant(zone).toOffsetDateTime(),
                yearFrom.atStartOfDay(zone).toOffsetDateTime()).seed(COMPLAINTS);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        // What autovacuum would have done by the time anyone reads a year of complaints.
        long analyzeStart = System.nanoTime();
        for (String table : List.of("complaint", "complaint_deadline", "complaint_event", "info_request",
                "investigation", "approval", "survey_result", "escalation")) {
            jdbc.execute("VACUUM ANALYZE " + table);
        }
        double analyzeSeconds = (System.nanoTime() - analyzeStart) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH seeding: %d complaints, %d rows in all, %.1f s (%.0f rows/s); "
                        + "VACUUM ANALYZE %.1f s%n", COMPLAINTS, seeded.rows(), seedSeconds, seeded.rows() / seedSeconds,
                analyzeSeconds);
        System.out.printf(Locale.ROOT, "BENCH seeded rows: %s%n", seeded.perTable());
        long all = count("SELECT COUNT(*) FROM complaint");
        System.out.printf(Locale.ROOT, "BENCH seeded shares: resolution_working_days %.1f %%, round 2 %.1f %%, "
                        + "deadlines met/missed/open %s%n",
                100.0 * count("SELECT COUNT(*) FROM complaint WHERE resolution_working_days IS NOT NULL") / all,
                100.0 * count("SELECT COUNT(*) FROM complaint WHERE handling_round = 2") / all,
                jdbc.queryForObject("""
                        SELECT SUM(CASE WHEN met THEN 1 ELSE 0 END) || '/' || SUM(CASE WHEN NOT met THEN 1 ELSE 0 END)
                               || '/' || SUM(CASE WHEN met IS NULL THEN 1 ELSE 0 END) FROM complaint_deadline""",
                        String.class));
        assertThat(all).isEqualTo(complaintsBefore + COMPLAINTS);
    }

    @Test
    @Order(1)
    void kpiQueries() {
        KpiQueries.Kpis month = time("KpiQueries.of 1 month", () -> kpiQueries.of(monthFrom, today));
        KpiQueries.Kpis quarter = time("KpiQueries.of 3 months", () -> kpiQueries.of(quarterFrom, today));
        KpiQueries.Kpis year = time("KpiQueries.of 12 months", () -> kpiQueries.of(yearFrom, today));
        System.out.printf(Locale.ROOT, "BENCH KPI totals: 1 month %d, 3 months %d, 12 months %d (%d before seeding)%n",
                month.total(), quarter.total(), year.total(), yearBefore);
        System.out.printf(Locale.ROOT, "BENCH KPI 12 months: deadlines met %s, resolution median %.1f / p90 %.1f "
                        + "working days, first contact %.1f %%, second round %.1f %%, escalated %.1f %%, CSAT %.2f, "
                        + "recovery %d%n",
                year.deadlineMetShare(), year.medianResolutionDays(), year.p90ResolutionDays(),
                year.firstContactShare(), year.secondRoundShare(), year.escalationShare(), year.csatAverage(),
                year.recoveryOpened());
        assertThat(year.total()).isEqualTo(yearBefore + COMPLAINTS);
        assertThat(month.total()).isPositive().isLessThan(quarter.total());
        assertThat(quarter.total()).isLessThan(year.total());
        assertThat(year.byChannel()).containsKeys(names(Channel.values()));
        assertThat(year.byCategory()).containsKeys(names(Category.values()));
        assertThat(year.byChannel().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(year.total());
        assertThat(year.byWeek().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(year.total());
        assertThat(year.deadlineMetShare()).containsKeys("acknowledgement", "interim", "reply", "resolution");
        assertThat(year.medianResolutionDays()).isNotNull();
        assertThat(year.csatDistribution()).containsKeys(1, 2, 3, 4, 5);
        assertThat(year.firstContactShare()).isBetween(1.0, 99.0);
    }

    @Test
    @Order(2)
    void dashboard() {
        String page = time("GET /dashboard 3 months (director)", () -> ok(http.withBasicAuth("director", "demo")
                .getForEntity("/dashboard?from={from}&to={to}", String.class, quarterFrom, today)));
        assertThat(page).contains(quarterFrom.toString());
    }

    @Test
    @Order(3)
    void auditSearch() {
        AuditSearch.Page all = time("AuditSearch.page no filter", () -> auditSearch.page(criteria(null, null, null,
                false), 0));
        AuditSearch.Page lastPage = time("AuditSearch.page no filter, last page", () -> auditSearch.page(
                criteria(null, null, null, false), Integer.MAX_VALUE));
        AuditSearch.Page byName = time("AuditSearch.page customer name", () -> auditSearch.page(
                criteria(CUSTOMER_NAME.toLowerCase(Locale.ROOT), null, null, false), 0));
        AuditSearch.Page byStatus = time("AuditSearch.page status CLOSED + category PAYMENT_DELAY",
                () -> auditSearch.page(criteria(null, "CLOSED", "PAYMENT_DELAY", false), 0));
        AuditSearch.Page missed = time("AuditSearch.page deadlineMissed", () -> auditSearch.page(
                criteria(null, null, null, true), 0));
        System.out.printf(Locale.ROOT, "BENCH AuditSearch totals: all %d, customer '%s' %d, CLOSED+PAYMENT_DELAY %d, "
                        + "deadline missed %d%n", all.total(), CUSTOMER_NAME, byName.total(), byStatus.total(),
                missed.total());
        assertThat(all.total()).isEqualTo(complaintsBefore + COMPLAINTS);
        assertThat(all.complaints()).hasSize(AuditSearch.PAGE_SIZE);
        assertThat(lastPage.page()).isEqualTo(all.pages() - 1);
        assertThat(byName.total()).isPositive().isLessThan(all.total() / 10);
        assertThat(byName.complaints()).allSatisfy(c -> assertThat(c.customer().name()).startsWith(CUSTOMER_NAME));
        assertThat(byStatus.total()).isPositive().isLessThan(all.total() / 4);
        assertThat(byStatus.complaints()).allSatisfy(c -> {
            assertThat(c.status().name()).isEqualTo("CLOSED");
            assertThat(c.category()).isEqualTo(Category.PAYMENT_DELAY);
        });
        assertThat(missed.total()).isPositive().isLessThan(all.total());
    }

    @Test
    @Order(4)
    void auditSearchPage() {
        String page = time("GET /audit/complaints?customer= (auditor)", () -> ok(http.withBasicAuth("auditor", "demo")
                .getForEntity("/audit/complaints?customer={customer}", String.class, CUSTOMER_NAME)));
        assertThat(page).contains("data-reference=\"KN-");
    }

    @Test
    @Order(5)
    void staffSearchPageWithoutText() {
        String page = time("GET /complaints?status=CLOSED (agent)", () -> ok(http.withBasicAuth("agent", "demo")
                .getForEntity("/complaints?status=CLOSED", String.class)));
        assertThat(page).contains("KN-");
    }

    /**
     * ComplaintSearch glues " WHERE 1 = 1" to a text block that starts with "AND" without a space:
     * "WHERE 1 = 1AND (...": H2 takes it, PostgreSQL 15+ answers "trailing junk after numeric
     * literal", so every staff search with text is a 500 on PostgreSQL. Enable once fixed.
     */
    @Test
    @Order(6)
    void staffSearchPage() {
        String byName = time("GET /complaints?q=<customer name> (agent)", () -> ok(http.withBasicAuth("agent", "demo")
                .getForEntity("/complaints?q={q}", String.class, CUSTOMER_NAME)));
        assertThat(byName).contains("KN-");
        String byReference = time("GET /complaints?q=<reference> (agent)", () -> ok(http
                .withBasicAuth("agent", "demo").getForEntity("/complaints?q={q}", String.class, seeded.aReference())));
        assertThat(byReference).contains(seeded.aReference());
    }

    private static String[] names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static AuditSearch.Criteria criteria(String customer, String status, String category,
            boolean deadlineMissed) {
        return new AuditSearch.Criteria(null, customer, null, null, status, category, null, null, deadlineMissed);
    }

    private static String ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static <T> T time(String label, Supplier<T> call) {
        return Timings.time(label, WARM_UP, REPETITIONS, call);
    }

    record Seeded(long rows, String perTable, String aReference) {
    }

    /** One table's rows, inserted as multi-row INSERTs sent in JDBC batches. */
    private final class Rows {

        private final String table;
        private final String[] columns;
        private final int[] types;
        private final List<Object[]> rows = new ArrayList<>();
        private long inserted;

        Rows(String table, String columns, int... types) {
            this.table = table;
            this.columns = columns.split(",\\s*");
            this.types = types;
            if (this.columns.length != types.length) {
                throw new IllegalArgumentException(table + ": columns and types differ");
            }
        }

        void add(Object... values) {
            rows.add(values);
        }

        /** Up to 30,000 parameters a statement (PostgreSQL allows 65,535), at most 1,000 rows. */
        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            int perStatement = Math.min(1000, 30_000 / columns.length);
            int full = rows.size() / perStatement;
            if (full > 0) {
                List<Object[]> head = rows.subList(0, full * perStatement);
                jdbc.batchUpdate(insert(perStatement), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int statement) throws SQLException {
                        bind(ps, head.subList(statement * perStatement, (statement + 1) * perStatement));
                    }

                    @Override
                    public int getBatchSize() {
                        return full;
                    }
                });
            }
            List<Object[]> rest = rows.subList(full * perStatement, rows.size());
            if (!rest.isEmpty()) {
                jdbc.update(insert(rest.size()), ps -> bind(ps, rest));
            }
            inserted += rows.size();
            rows.clear();
        }

        private String insert(int rowCount) {
            String tuple = "(" + String.join(",", Collections.nCopies(columns.length, "?")) + ")";
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                    + String.join(",", Collections.nCopies(rowCount, tuple));
        }

        private void bind(PreparedStatement ps, List<Object[]> chunk) throws SQLException {
            int index = 1;
            for (Object[] row : chunk) {
                for (int c = 0; c < columns.length; c++, index++) {
                    if (row[c] == null) {
                        ps.setNull(index, types[c]);
                    } else {
                        ps.setObject(index, row[c], types[c]);
                    }
                }
            }
        }
    }

    /** Realistic complaints: spread over twelve months, every channel and category, most closed. */
    private final class Seeder {

        private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
        private static final int[] FAMILY_WEIGHT = {38, 11, 9, 7, 5, 4, 4, 4, 3, 3, 3, 3, 2, 2, 1, 1};
        private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Hoài",
            "Kim"};
        private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hoa",
            "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Phong", "Phúc", "Quang",
            "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Uyên", "Vy", "Yến"};
        private static final String[] CHANNELS = {"WEB_FORM", "LIVE_CHAT", "HOTLINE", "EMAIL", "MOBILE_APP", "SOCIAL",
            "IN_PERSON", "POST"};
        private static final int[] CHANNEL_WEIGHT = {24, 12, 20, 10, 16, 10, 5, 3};
        private static final String[] CATEGORIES = {"PAYMENT_DELAY", "TECHNICAL_ERROR", "PROMOTION_TERMS",
            "SERVICE_QUALITY", "BILLING", "DELIVERY", "STAFF_CONDUCT", "OTHER"};
        private static final int[] CATEGORY_WEIGHT = {22, 18, 14, 14, 12, 9, 5, 6};
        private static final String[] SUBJECTS = {"Chưa nhận được tiền hoàn", "Ứng dụng báo lỗi khi thanh toán",
            "Không được cộng thưởng khuyến mãi", "Nhân viên tư vấn chậm trễ", "Hóa đơn tính sai cước",
            "Giao hàng trễ hẹn", "Thái độ nhân viên tại quầy", "Yêu cầu khác"};
        private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
        private static final int[] PRIORITY_WEIGHT = {15, 55, 22, 8};
        private static final String[] DEPARTMENTS = {"TECHNICAL", "FINANCE", "OPERATIONS"};
        private static final String[] TIERS = {"STANDARD", "AGENCY_1", "AGENCY_2", "AGENCY_3", "AGENCY_4", "LOYAL",
            "HIGH_POTENTIAL", "SMALL_VALUE", "NEGATIVE"};
        private static final int[] TIER_WEIGHT = {68, 3, 3, 2, 2, 10, 5, 5, 2};
        private static final String[] SOCIAL = {"FACEBOOK", "ZALO", "TELEGRAM"};
        private static final int CUSTOMERS = 60_000;

        private final ZoneId zone;
        private final OffsetDateTime now;
        private final OffsetDateTime windowStart;
        private final SplittableRandom random = new SplittableRandom(20_260_101L);

        private final Rows complaints = new Rows("complaint", "id, reference, status, channel, social_network, "
                + "category, priority, suggested_department, subject, description, incident_date, received_at, "
                + "customer_name, customer_email, customer_phone, customer_account_id, customer_tier, "
                + "customer_language, tracking_token, tracking_expires_at, handling_round, recorded_by, closed_at, "
                + "resolution_working_days",
                Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE,
                Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER,
                Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER);
        private final Rows deadlines = new Rows("complaint_deadline", "complaint_id, name, due_at, met_at, met",
                Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE,
                Types.BOOLEAN);
        private final Rows events = new Rows("complaint_event", "complaint_id, occurred_at, actor, event_type, detail",
                Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR);
        private final Rows infoRequests = new Rows("info_request", "complaint_id, questions, requested_by, "
                + "requested_at, information, provided_by, provided_at, paused_working_days",
                Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR,
                Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.INTEGER);
        private final Rows investigations = new Rows("investigation", "complaint_id, department, findings, "
                + "root_cause, investigated_by, investigated_at",
                Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE);
        private final Rows approvals = new Rows("approval", "complaint_id, handling_round, decision, comment, "
                + "decided_by, decided_at",
                Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE);
        private final Rows surveys = new Rows("survey_result", "complaint_id, rating, comment, suggestion, answered_at",
                Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE);
        private final Rows escalations = new Rows("escalation", "complaint_id, route, case_reference, filed_at, "
                + "recorded_by, recorded_at, outcome, summary, outcome_by, outcome_at",
                Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE);
        /** A step of the log book; steps of the most recent complaints never lie in the future. */
        private void event(long id, OffsetDateTime at, String actor, String type, String detail) {
            if (at.isBefore(now)) {
                events.add(id, at, actor, type, detail);
            }
        }

        private final List<Rows> children = List.of(deadlines, events, infoRequests, investigations, approvals,
                surveys, escalations);

        Seeder(ZoneId zone, OffsetDateTime now, OffsetDateTime windowStart) {
            this.zone = zone;
            this.now = now;
            this.windowStart = windowStart;
        }

        Seeded seed(int total) {
            // Ids from the identity's own sequence, so that later intakes never collide with them.
            List<Long> ids = jdbc.queryForList("SELECT nextval(pg_get_serial_sequence('complaint', 'id')) "
                    + "FROM generate_series(1, ?)", Long.class, total);
            String aReference = null;
            for (int start = 0; start < total; start += BLOCK) {
                for (int i = start; i < Math.min(total, start + BLOCK); i++) {
                    String reference = complaint(ids.get(i), i);
                    if (aReference == null) {
                        aReference = reference;
                    }
                }
                complaints.flush();
                children.forEach(Rows::flush);
            }
            long rows = complaints.inserted + children.stream().mapToLong(r -> r.inserted).sum();
            StringBuilder perTable = new StringBuilder(complaints.table + " " + complaints.inserted);
            children.forEach(r -> perTable.append(", ").append(r.table).append(' ').append(r.inserted));
            return new Seeded(rows, perTable.toString(), aReference);
        }

        private String complaint(long id, int i) {
            OffsetDateTime received = receivedAt();
            long ageDays = ChronoUnit.DAYS.between(received, now);
            String channel = pick(CHANNELS, CHANNEL_WEIGHT);
            String category = pick(CATEGORIES, CATEGORY_WEIGHT);
            int customer = random.nextInt(CUSTOMERS);
            String name = customerName(customer);
            String slug = ascii(name).toLowerCase(Locale.ROOT).replace(' ', '.');
            boolean hasEmail = customer % 10 < 8;
            boolean hasPhone = !hasEmail || customer % 3 != 0;
            boolean timeBarred = random.nextInt(100) < 3;
            String status = timeBarred ? "REJECTED_TIME_BARRED" : status(ageDays);
            int round = switch (status) {
                case "SECOND_ROUND", "ESCALATED_EXTERNALLY" -> 2;
                case "CLOSED", "CLOSING" -> random.nextInt(100) < 8 ? 2 : 1;
                default -> 1;
            };
            boolean handlingDone = status.equals("CLOSED") || status.equals("CLOSING");
            Integer resolutionDays = handlingDone && random.nextInt(100) < 74 ? resolutionDays(round) : null;
            OffsetDateTime resolvedAt = handlingDone
                    ? min(received.plusHours(Math.round(24 * 1.4 * (resolutionDays == null
                            ? 3 + random.nextInt(15) : Math.max(1, resolutionDays)))), now.minusMinutes(5))
                    : null;
            OffsetDateTime closedAt = status.equals("CLOSED") ? min(resolvedAt.plusHours(2 + random.nextInt(72)),
                    now.minusMinutes(1)) : null;
            String reference = "KN-%d-%06d".formatted(received.getYear(), REFERENCE_BASE + i);
            String recordedBy = switch (channel) {
                case "HOTLINE", "IN_PERSON", "POST" -> random.nextBoolean() ? "agent" : "agent2";
                default -> "customer";
            };
            complaints.add(id, reference, status, channel,
                    channel.equals("SOCIAL") ? SOCIAL[random.nextInt(SOCIAL.length)] : null, category,
                    timeBarred ? null : pick(PRIORITIES, PRIORITY_WEIGHT),
                    timeBarred ? null : DEPARTMENTS[random.nextInt(DEPARTMENTS.length)],
                    SUBJECTS[java.util.Arrays.asList(CATEGORIES).indexOf(category)],
                    "Khách hàng phản ánh: " + SUBJECTS[java.util.Arrays.asList(CATEGORIES).indexOf(category)]
                            .toLowerCase(Locale.ROOT) + ". Mã giao dịch GD" + (1_000_000 + random.nextInt(9_000_000))
                            + ", đề nghị công ty kiểm tra và phản hồi sớm.",
                    received.toLocalDate().minusDays(timeBarred ? 95 + random.nextInt(200) : random.nextInt(25)),
                    received, name,
                    hasEmail ? slug + "." + customer + (customer % 2 == 0 ? "@gmail.com" : "@example.vn") : null,
                    hasPhone ? "+849%08d".formatted(customer * 1_601 % 100_000_000) : null,
                    customer % 5 < 3 ? "ACC-%06d".formatted(customer) : null,
                    TIERS[pickIndex(TIER_WEIGHT)], customer % 10 == 0 ? "en" : "vi",
                    UUID.randomUUID().toString().replace("-", "") + "b" + i,
                    closedAt == null ? null : closedAt.plusDays(90), round, recordedBy, closedAt, resolutionDays);
            children(id, received, status, round, timeBarred, recordedBy, resolutionDays, resolvedAt, closedAt);
            return reference;
        }

        private void children(long id, OffsetDateTime received, String status, int round, boolean timeBarred,
                String recordedBy, Integer resolutionDays, OffsetDateTime resolvedAt, OffsetDateTime closedAt) {
            event(id, received, recordedBy, "RECEIVED", "channel, category");
            if (timeBarred) {
                event(id, received.plusSeconds(2), "system", "TIME_BARRED", "limitation period exceeded");
                event(id, received.plusMinutes(1), "system", "LETTER_ISSUED", "REFUSAL");
                return;
            }
            String agent = random.nextBoolean() ? "agent" : "agent2";
            event(id, received.plusSeconds(3), "system", "TRIAGED", "priority, department, deadlines");
            OffsetDateTime ackAt = received.plusMinutes(random.nextInt(100) < 97 ? 1 + random.nextInt(50)
                    : 61 + random.nextInt(240));
            event(id, ackAt, "system", "ACKNOWLEDGED", "acknowledgement queued");

            int stage = stage(status);
            OffsetDateTime analysedAt = received.plusMinutes(30 + random.nextInt(60 * 30));
            boolean askedForInfo = status.equals("WAITING_FOR_CUSTOMER") || status.equals("WITHDRAWN")
                    || stage >= 3 && random.nextInt(100) < 14;
            if (stage >= 2 || askedForInfo) {
                event(id, analysedAt, agent, "ANALYSED", askedForInfo ? "NEED_INFO" : "RESOLVE_NOW");
            }
            if (askedForInfo) {
                boolean provided = stage >= 3;
                OffsetDateTime providedAt = provided ? analysedAt.plusHours(4 + random.nextInt(24 * 4)) : null;
                event(id, analysedAt.plusSeconds(1), "system", "INFO_REQUESTED", "questions sent");
                infoRequests.add(id, "Xin cung cấp mã giao dịch và ảnh chụp màn hình.", agent, analysedAt,
                        provided ? "Mã giao dịch GD" + (1_000_000 + random.nextInt(9_000_000)) : null,
                        provided ? "customer" : null, providedAt, provided ? 1 + random.nextInt(4) : null);
                if (provided) {
                    event(id, providedAt, "customer", "INFO_PROVIDED", "information");
                    analysedAt = providedAt.plusHours(1 + random.nextInt(20));
                    event(id, analysedAt, agent, "ANALYSED", "RESOLVE_NOW");
                }
                if (status.equals("WITHDRAWN")) {
                    event(id, analysedAt.plusDays(14), "system", "WITHDRAWN", "no information");
                }
            }
            boolean investigated = stage >= 3 && random.nextInt(100) < 30;
            if (investigated) {
                int departments = random.nextInt(100) < 20 ? 2 : 1;
                for (int d = 0; d < departments; d++) {
                    OffsetDateTime at = analysedAt.plusHours(6 + random.nextInt(24 * 5));
                    investigations.add(id, DEPARTMENTS[(int) ((id + d) % 3)], "Đã kiểm tra nhật ký giao dịch",
                            "Lỗi đồng bộ", d == 0 ? "tech" : "finance", at);
                    event(id, at, d == 0 ? "tech" : "finance", "INVESTIGATED", DEPARTMENTS[(int) ((id + d) % 3)]);
                }
            }
            OffsetDateTime proposedAt = analysedAt.plusHours(2 + random.nextInt(24 * (investigated ? 8 : 3)));
            if (stage >= 3) {
                event(id, proposedAt, agent, "RESOLUTION_PROPOSED", "remedy");
                if (investigated || random.nextInt(100) < 20) {
                    boolean rejectedFirst = random.nextInt(100) < 10;
                    if (rejectedFirst) {
                        approvals.add(id, 1, "REJECT", "Thiếu căn cứ", "director", proposedAt.plusHours(3));
                    }
                    approvals.add(id, 1, "APPROVE", null, "director", proposedAt.plusHours(rejectedFirst ? 30 : 4));
                    event(id, proposedAt.plusHours(4), "director", "APPROVAL_APPROVE", "round 1");
                }
            }
            OffsetDateTime repliedAt = proposedAt.plusHours(5);
            if (stage >= 4) {
                event(id, repliedAt, "system", "REPLY_SENT", "REPLY");
            }
            if (round == 2) {
                event(id, repliedAt.plusDays(3), "customer", "REPLY_REJECTED", "Chưa thỏa đáng");
                event(id, repliedAt.plusDays(3).plusSeconds(1), "system", "SECOND_ROUND", "round 2");
                boolean escalated = status.equals("ESCALATED_EXTERNALLY")
                        || handlingDoneStatus(status) && random.nextInt(100) < 20;
                if (escalated) {
                    OffsetDateTime filed = repliedAt.plusDays(12);
                    boolean decided = !status.equals("ESCALATED_EXTERNALLY");
                    escalations.add(id, new String[] {"REGULATOR", "MEDIATION", "ARBITRATION", "COURT"}[
                            random.nextInt(4)], "HS-" + id, filed.toLocalDate(), "legal", filed,
                            decided ? new String[] {"CUSTOMER_UPHELD", "COMPANY_UPHELD", "SETTLED"}[random.nextInt(3)]
                                    : null, decided ? "Đã có kết quả" : null, decided ? "legal" : null,
                            decided ? filed.plusDays(20) : null);
                    event(id, filed, "legal", "ESCALATION_FILED", "route");
                }
            } else if (stage >= 5) {
                event(id, repliedAt.plusDays(2), "customer", "REPLY_ACCEPTED", null);
            }
            if (resolvedAt != null) {
                event(id, resolvedAt, "system", "RESOLVED", "round " + round);
            }
            if (closedAt != null) {
                event(id, closedAt, agent, "LESSON_LEARNED", "Viết rõ điều kiện");
                event(id, closedAt.plusSeconds(1), "system", "CLOSED", null);
                if (random.nextInt(100) < 35 && closedAt.plusDays(3).isBefore(now)) {
                    int rating = new int[] {1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5}[random.nextInt(12)];
                    OffsetDateTime answered = closedAt.plusDays(3).plusHours(random.nextInt(48));
                    surveys.add(id, rating, rating <= 3 ? "Xử lý còn chậm" : "Hài lòng", null, min(answered, now));
                    event(id, min(answered, now), "customer", "SURVEY_ANSWERED", "rating " + rating);
                }
            }
            deadlines(id, received, ackAt, stage, repliedAt, resolutionDays, resolvedAt);
        }

        /** Acknowledgement, interim, reply and resolution: met, missed, or still open. */
        private void deadlines(long id, OffsetDateTime received, OffsetDateTime ackAt, int stage,
                OffsetDateTime repliedAt, Integer resolutionDays, OffsetDateTime resolvedAt) {
            OffsetDateTime ackDue = received.plusHours(1);
            boolean acknowledged = ackAt.isBefore(now);
            deadlines.add(id, "acknowledgement", ackDue, acknowledged ? ackAt : null,
                    acknowledged ? !ackAt.isAfter(ackDue) : null);
            OffsetDateTime interimDue = received.plusHours(24);
            OffsetDateTime interimAt = stage >= 4 && repliedAt.isBefore(interimDue) ? repliedAt
                    : interimDue.minusMinutes(random.nextInt(100) < 95 ? 10 : -90);
            boolean interimDone = interimAt.isBefore(now);
            deadlines.add(id, "interim", interimDue, interimDone ? interimAt : null,
                    interimDone ? !interimAt.isAfter(interimDue) : null);
            OffsetDateTime replyDue = workingDaysAfter(received, 7);
            OffsetDateTime replyAt = stage >= 4 ? min(repliedAt, now) : null;
            deadlines.add(id, "reply", replyDue, replyAt, replyAt == null ? null : !replyAt.isAfter(replyDue));
            OffsetDateTime resolutionDue = workingDaysAfter(received, 20);
            deadlines.add(id, "resolution", resolutionDue, resolvedAt,
                    resolvedAt == null ? null : resolutionDays != null ? resolutionDays <= 20
                            : !resolvedAt.isAfter(resolutionDue));
        }

        private OffsetDateTime receivedAt() {
            long window = ChronoUnit.SECONDS.between(windowStart, now);
            while (true) {
                OffsetDateTime at = windowStart.plusSeconds(random.nextLong(window)).atZoneSameInstant(zone)
                        .toOffsetDateTime();
                DayOfWeek day = at.getDayOfWeek();
                boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
                boolean night = at.getHour() < 7 || at.getHour() >= 22;
                // Fewer complaints at weekends and at night.
                if ((!weekend || random.nextInt(100) < 45) && (!night || random.nextInt(100) < 20)) {
                    return at;
                }
            }
        }

        private String status(long ageDays) {
            if (ageDays > 40) {
                return pick(new String[] {"CLOSED", "WITHDRAWN", "ESCALATED_EXTERNALLY", "REPLIED", "SECOND_ROUND",
                    "CLOSING"}, new int[] {86, 6, 2, 3, 2, 1});
            }
            if (ageDays >= 10) {
                return pick(new String[] {"CLOSED", "REPLIED", "IN_RESOLUTION", "INVESTIGATING", "SECOND_ROUND",
                    "WAITING_FOR_CUSTOMER", "CLOSING", "WITHDRAWN", "ESCALATED_EXTERNALLY"},
                        new int[] {50, 15, 10, 8, 5, 5, 4, 2, 1});
            }
            return pick(new String[] {"RECEIVED", "IN_ANALYSIS", "WAITING_FOR_CUSTOMER", "INVESTIGATING",
                "IN_RESOLUTION", "REPLIED", "CLOSING", "CLOSED"}, new int[] {3, 30, 12, 20, 15, 12, 3, 5});
        }

        /** How far the handling got: 1 analysis, 2 investigation, 3 proposal, 4 replied, 5 accepted/closed. */
        private static int stage(String status) {
            return switch (status) {
                case "RECEIVED", "IN_ANALYSIS", "WAITING_FOR_CUSTOMER", "WITHDRAWN" -> 1;
                case "INVESTIGATING" -> 2;
                case "IN_RESOLUTION" -> 3;
                case "REPLIED", "SECOND_ROUND", "ESCALATED_EXTERNALLY" -> 4;
                default -> 5;
            };
        }

        private static boolean handlingDoneStatus(String status) {
            return status.equals("CLOSED") || status.equals("CLOSING");
        }

        private int resolutionDays(int round) {
            int days = 1 + (int) Math.round(Math.abs(random.nextGaussian(0, 1)) * 7) + random.nextInt(4);
            return round == 2 ? days + 8 + random.nextInt(10) : days;
        }

        private OffsetDateTime workingDaysAfter(OffsetDateTime received, int workingDays) {
            return calendar.addWorkingDays(received, workingDays);
        }

        private String customerName(int customer) {
            SplittableRandom person = new SplittableRandom(customer * 7_919L);
            String family = FAMILY[pickIndex(FAMILY_WEIGHT, person)];
            String middle = MIDDLE[person.nextInt(MIDDLE.length)];
            if (family.equals("Nguyễn") && middle.equals("Thị")) {
                middle = "Văn";
            }
            return family + " " + middle + " " + GIVEN[person.nextInt(GIVEN.length)];
        }

        private String pick(String[] values, int[] weights) {
            return values[pickIndex(weights)];
        }

        private int pickIndex(int[] weights) {
            return pickIndex(weights, random);
        }

        private static int pickIndex(int[] weights, SplittableRandom random) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
            return a.isBefore(b) ? a : b;
        }

        private static String ascii(String text) {
            return java.text.Normalizer.normalize(text.replace("Đ", "D").replace("đ", "d"),
                    java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
    }
}
