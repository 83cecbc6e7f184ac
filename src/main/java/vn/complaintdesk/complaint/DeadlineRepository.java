package vn.complaintdesk.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DeadlineRepository {

    private final JdbcClient jdbc;

    public DeadlineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void set(long complaintId, String name, OffsetDateTime dueAt) {
        int updated = jdbc.sql("UPDATE complaint_deadline SET due_at = :due WHERE complaint_id = :id AND name = :name")
                .param("due", dueAt).param("id", complaintId).param("name", name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO complaint_deadline (complaint_id, name, due_at) VALUES (:id, :name, :due)")
                    .param("id", complaintId).param("name", name).param("due", dueAt).update();
        }
    }

    /** Marks an open deadline as met or missed at the given moment; a closed one stays as it was. */
    public boolean close(long complaintId, String name, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE complaint_deadline SET met_at = :at, met = (due_at >= :at)
                WHERE complaint_id = :id AND name = :name AND met IS NULL""")
                .param("at", at).param("id", complaintId).param("name", name).update() > 0;
    }

    public Optional<Deadline> find(long complaintId, String name) {
        return jdbc.sql("SELECT * FROM complaint_deadline WHERE complaint_id = :id AND name = :name")
                .param("id", complaintId).param("name", name)
                .query((rs, n) -> map(rs)).optional();
    }

    public List<Deadline> of(long complaintId) {
        return jdbc.sql("SELECT * FROM complaint_deadline WHERE complaint_id = :id ORDER BY due_at")
                .param("id", complaintId)
                .query((rs, n) -> map(rs)).list();
    }

    private static Deadline map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Object met = rs.getObject("met");
        return new Deadline(rs.getString("name"), rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("met_at", OffsetDateTime.class), met == null ? null : rs.getBoolean("met"));
    }
}
