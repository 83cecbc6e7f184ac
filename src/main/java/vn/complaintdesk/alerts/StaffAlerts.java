package vn.complaintdesk.alerts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The notification centre's rows: one per staff member told, read or not. */
@Repository
public class StaffAlerts {

    private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() {
    };

    public record Alert(long id, AlertKind kind, String reference, String subject, Map<String, String> params,
            OffsetDateTime createdAt, OffsetDateTime readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    public StaffAlerts(JdbcClient jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    public void tell(Collection<String> users, long complaintId, AlertKind kind, Map<String, String> params) {
        String values = write(params);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String user : users) {
            jdbc.sql("""
                    INSERT INTO staff_alert (recipient, complaint_id, kind, params, created_at)
                    VALUES (:user, :complaint, :kind, :params, :now)""")
                    .param("user", user).param("complaint", complaintId).param("kind", kind.name())
                    .param("params", values).param("now", now)
                    .update();
        }
    }

    public long unread(String user) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_alert WHERE recipient = :user AND read_at IS NULL")
                .param("user", user).query(Long.class).single();
    }

    /** Newest first, the unread ones before the read ones. */
    public List<Alert> of(String user, int limit) {
        return jdbc.sql("""
                SELECT a.id, a.kind, c.reference, c.subject, a.params, a.created_at, a.read_at
                FROM staff_alert a JOIN complaint c ON c.id = a.complaint_id
                WHERE a.recipient = :user
                ORDER BY CASE WHEN a.read_at IS NULL THEN 0 ELSE 1 END, a.created_at DESC, a.id DESC
                LIMIT :limit""")
                .param("user", user).param("limit", limit)
                .query((rs, n) -> new Alert(rs.getLong("id"), AlertKind.valueOf(rs.getString("kind")),
                        rs.getString("reference"), rs.getString("subject"), read(rs.getString("params")),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class)))
                .list();
    }

    /** Only the recipient's own alert: anyone else's id changes nothing. */
    public boolean markRead(String user, long id) {
        return jdbc.sql("UPDATE staff_alert SET read_at = :now WHERE id = :id AND recipient = :user AND read_at IS NULL")
                .param("now", OffsetDateTime.now(clock)).param("id", id).param("user", user).update() > 0;
    }

    public int markAllRead(String user) {
        return jdbc.sql("UPDATE staff_alert SET read_at = :now WHERE recipient = :user AND read_at IS NULL")
                .param("now", OffsetDateTime.now(clock)).param("user", user).update();
    }

    private String write(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String params) {
        try {
            return params == null ? Map.of() : json.readValue(params, PARAMS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
