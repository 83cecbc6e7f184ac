package vn.complaintdesk.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.complaintdesk.complaint.ComplaintSql;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/**
 * The KPIs of the sources' control step (kiểm soát), aggregated in SQL over the complaints received
 * in a period. Shares are 0–100 %, or null when nothing was measured. A complaint merged into another
 * is left out of every KPI: it is the same matter as its target, which is counted, and its deadlines
 * stay open forever once its handling ended with the merge.
 */
@Repository
public class KpiQueries {

    /** Open tasks and overdue ones, per assignee or per candidate group. */
    public record Workload(String who, long open, long overdue) {
    }

    public record Kpis(long total, Map<String, Long> byChannel, Map<String, Long> byCategory, Map<String, Long> byWeek,
            Map<String, Double> deadlineMetShare, Double medianResolutionDays, Double p90ResolutionDays,
            Double firstContactShare, Double secondRoundShare, Double escalationShare, Double csatAverage,
            Map<Integer, Long> csatDistribution, long recoveryOpened) {
    }

    /** Received in the period and not merged into another complaint. */
    private static final String COUNTED = " c.received_at >= :from AND c.received_at < :to"
            + " AND " + ComplaintSql.NOT_MERGED + " ";

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final Clock clock;

    public KpiQueries(JdbcClient jdbc, WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.zone = calendar.zone();
        this.clock = clock;
    }

    public Kpis of(LocalDate from, LocalDate to) {
        Map<String, Object> period = Map.of("from", from.atStartOfDay(zone).toOffsetDateTime(),
                "to", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        long total = count("SELECT COUNT(*) FROM complaint c WHERE" + COUNTED, period);
        long handled = count("SELECT COUNT(*) FROM complaint c WHERE" + COUNTED
                + " AND c.status <> 'REJECTED_TIME_BARRED'", period);
        long resolved = count("SELECT COUNT(*) FROM complaint c WHERE" + COUNTED
                + " AND c.resolution_working_days IS NOT NULL", period);
        long firstContact = count("""
                SELECT COUNT(*) FROM complaint c WHERE""" + COUNTED + """
                 AND c.resolution_working_days IS NOT NULL AND c.handling_round = 1
                 AND NOT EXISTS (SELECT 1 FROM investigation i WHERE i.complaint_id = c.id)
                 AND NOT EXISTS (SELECT 1 FROM info_request r WHERE r.complaint_id = c.id)
                 AND NOT EXISTS (SELECT 1 FROM approval a WHERE a.complaint_id = c.id AND a.decision <> 'APPROVE')
                 AND (SELECT COUNT(*) FROM complaint_event e WHERE e.complaint_id = c.id AND e.event_type = 'ANALYSED') = 1
                """, period);
        long secondRound = count("SELECT COUNT(*) FROM complaint c WHERE" + COUNTED + " AND c.handling_round = 2",
                period);
        long escalated = count("SELECT COUNT(*) FROM complaint c WHERE" + COUNTED
                + " AND EXISTS (SELECT 1 FROM escalation x WHERE x.complaint_id = c.id)", period);
        List<Double> percentiles = jdbc.sql("""
                SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY c.resolution_working_days),
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY c.resolution_working_days)
                FROM complaint c WHERE""" + COUNTED + " AND c.resolution_working_days IS NOT NULL")
                .params(period)
                .query((rs, n) -> java.util.Arrays.asList(nullable(rs.getObject(1)), nullable(rs.getObject(2))))
                .single();
        Map<Integer, Long> csat = new TreeMap<>();
        jdbc.sql("""
                SELECT s.rating, COUNT(*) FROM survey_result s JOIN complaint c ON c.id = s.complaint_id
                WHERE""" + COUNTED + " GROUP BY s.rating")
                .params(period).query((rs, n) -> csat.put(rs.getInt(1), rs.getLong(2))).list();
        long ratings = csat.values().stream().mapToLong(Long::longValue).sum();
        Double average = ratings == 0 ? null : csat.entrySet().stream()
                .mapToDouble(e -> e.getKey() * (double) e.getValue()).sum() / ratings;
        long recovery = csat.entrySet().stream().filter(e -> e.getKey() <= 3).mapToLong(Map.Entry::getValue).sum();
        return new Kpis(total, grouped("channel", period), grouped("category", period), byWeek(period),
                deadlineShares(period), percentiles.get(0), percentiles.get(1), share(firstContact, resolved),
                share(secondRound, handled), share(escalated, handled), average, csat, recovery);
    }

    /** Open work now, per agent (assignee) and per group (candidate), from the engine's task tables. */
    public List<Workload> workloadByAssignee() {
        return jdbc.sql("""
                SELECT t.ASSIGNEE_, COUNT(*), SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END)
                FROM ACT_RU_TASK t WHERE t.ASSIGNEE_ IS NOT NULL GROUP BY t.ASSIGNEE_ ORDER BY COUNT(*) DESC""")
                .param("now", new java.sql.Timestamp(clock.millis()))
                .query((rs, n) -> new Workload(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    public List<Workload> workloadByGroup() {
        return jdbc.sql("""
                SELECT l.GROUP_ID_, COUNT(*), SUM(CASE WHEN t.DUE_DATE_ < :now THEN 1 ELSE 0 END)
                FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_
                WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL
                GROUP BY l.GROUP_ID_ ORDER BY COUNT(*) DESC""")
                .param("now", new java.sql.Timestamp(clock.millis()))
                .query((rs, n) -> new Workload(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    private Map<String, Long> grouped(String column, Map<String, Object> period) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT c." + column + ", COUNT(*) FROM complaint c WHERE" + COUNTED + " GROUP BY c." + column
                        + " ORDER BY COUNT(*) DESC")
                .params(period).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** Days counted in SQL; at most a year of days is folded into ISO weeks here. */
    private Map<String, Long> byWeek(Map<String, Object> period) {
        Map<String, Long> weeks = new TreeMap<>();
        String localDay = "CAST(c.received_at AT TIME ZONE '" + zone.getId() + "' AS DATE)";
        jdbc.sql("SELECT " + localDay + ", COUNT(*) FROM complaint c WHERE" + COUNTED + " GROUP BY " + localDay)
                .params(period)
                .query((rs, n) -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    String week = "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR),
                            day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                    return weeks.merge(week, rs.getLong(2), Long::sum);
                }).list();
        return weeks;
    }

    private Map<String, Double> deadlineShares(Map<String, Object> period) {
        Map<String, Double> shares = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>(period);
        params.put("now", OffsetDateTime.now(clock));
        jdbc.sql("""
                SELECT d.name,
                       SUM(CASE WHEN d.met = TRUE THEN 1 ELSE 0 END),
                       SUM(CASE WHEN """ + ComplaintSql.DEADLINE_MISSED + """
                        THEN 1 ELSE 0 END)
                FROM complaint_deadline d JOIN complaint c ON c.id = d.complaint_id
                WHERE""" + COUNTED + " GROUP BY d.name")
                .params(params)
                .query((rs, n) -> shares.put(rs.getString(1), share(rs.getLong(2), rs.getLong(2) + rs.getLong(3))))
                .list();
        return shares;
    }

    private long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }

    private static Double nullable(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
