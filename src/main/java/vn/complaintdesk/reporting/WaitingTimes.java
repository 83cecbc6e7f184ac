package vn.complaintdesk.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where process instances wait, from the engine's activity history, aggregated in SQL per activity id.
 * The filter on the definition ids and the end time matches the engine's index on
 * (PROC_DEF_ID_, END_TIME_), so the figures stay cheap on a large history.
 */
@Repository
public class WaitingTimes {

    /** How many left an activity in a period, and the median and 90th percentile of the time they spent there. */
    public record Passages(long count, Double medianMillis, Double p90Millis) {
    }

    /** Activity types where an instance waits for people, customers, time or another process. */
    static final List<String> WAITING_TYPES = List.of("userTask", "receiveTask", "callActivity", "subProcess",
            "multiInstanceBody", "intermediateTimer", "intermediateMessageCatch", "intermediateSignalCatch",
            "intermediateConditional");

    private final JdbcClient jdbc;

    public WaitingTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Instances waiting now, per activity id (a multi-instance body counts each instance once). */
    public Map<String, Long> waitingNow(List<String> definitionIds) {
        Map<String, Long> waiting = new HashMap<>();
        jdbc.sql("""
                SELECT a.ACT_ID_, COUNT(DISTINCT a.PROC_INST_ID_) FROM ACT_HI_ACTINST a
                WHERE a.PROC_DEF_ID_ IN (:definitions) AND a.END_TIME_ IS NULL AND a.ACT_TYPE_ IN (:types)
                GROUP BY a.ACT_ID_""")
                .param("definitions", definitionIds).param("types", WAITING_TYPES)
                .query((rs, n) -> waiting.put(rs.getString(1), rs.getLong(2))).list();
        return waiting;
    }

    /** Per activity id, the activity instances that ended in [from, to). */
    public Map<String, Passages> passages(List<String> definitionIds, Instant from, Instant to) {
        Map<String, Passages> passages = new HashMap<>();
        jdbc.sql("""
                SELECT a.ACT_ID_, COUNT(*),
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY a.DURATION_),
                       PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY a.DURATION_)
                FROM ACT_HI_ACTINST a
                WHERE a.PROC_DEF_ID_ IN (:definitions) AND a.END_TIME_ >= :from AND a.END_TIME_ < :to
                  AND a.DURATION_ IS NOT NULL AND a.ACT_TYPE_ IN (:types)
                GROUP BY a.ACT_ID_""")
                .param("definitions", definitionIds).param("types", WAITING_TYPES)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> passages.put(rs.getString(1),
                        new Passages(rs.getLong(2), millis(rs.getObject(3)), millis(rs.getObject(4)))))
                .list();
        return passages;
    }

    private static Double millis(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
