package vn.complaintdesk.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Messages the outbox gave up on, for administrators to see and send again. */
@Repository
public class FailedNotifications {

    public record Failed(long id, String reference, String type, String channel, String recipient, int attempts,
            String lastError, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    public FailedNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Failed> list(int limit) {
        return jdbc.sql("""
                SELECT n.id, c.reference, n.type, n.channel, n.recipient, n.attempts, n.last_error, n.created_at
                FROM notification n JOIN complaint c ON c.id = n.complaint_id
                WHERE n.status = 'FAILED' ORDER BY n.created_at DESC, n.id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, i) -> new Failed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE status = 'FAILED'").query(Long.class).single();
    }
}
