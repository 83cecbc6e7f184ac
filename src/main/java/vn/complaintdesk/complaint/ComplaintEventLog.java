package vn.complaintdesk.complaint;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log book: who did what and when, append-only. */
@Repository
public class ComplaintEventLog {

    public static final String SYSTEM = "system";
    public static final String CUSTOMER = "customer";

    public record Event(OffsetDateTime at, String actor, String type, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public ComplaintEventLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long complaintId, String actor, String type, String detail) {
        jdbc.sql("""
                INSERT INTO complaint_event (complaint_id, occurred_at, actor, event_type, detail)
                VALUES (:complaintId, :at, :actor, :type, :detail)""")
                .param("complaintId", complaintId)
                .param("at", OffsetDateTime.now(clock))
                .param("actor", actor == null ? SYSTEM : actor)
                .param("type", type)
                .param("detail", truncate(detail))
                .update();
    }

    public List<Event> of(long complaintId) {
        return jdbc.sql("""
                SELECT occurred_at, actor, event_type, detail FROM complaint_event
                WHERE complaint_id = :id ORDER BY occurred_at, id""")
                .param("id", complaintId)
                .query((rs, n) -> new Event(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("event_type"), rs.getString("detail")))
                .list();
    }

    public long count(long complaintId, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM complaint_event WHERE complaint_id = :id AND event_type = :type")
                .param("id", complaintId).param("type", type).query(Long.class).single();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }
}
