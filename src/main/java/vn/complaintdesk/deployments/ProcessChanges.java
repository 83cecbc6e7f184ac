package vn.complaintdesk.deployments;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The record of every deployment of the desk's set and every migration of running complaints. */
@Component
public class ProcessChanges {

    public static final String DEPLOYMENT = "DEPLOYMENT";
    public static final String MIGRATION = "MIGRATION";
    /** Who deployed when nobody was logged in: the start-up deployment of the processes folder. */
    public static final String SYSTEM = "system";
    private static final int SUMMARY_LENGTH = 4000;

    /** One change as recorded. */
    public record Change(long id, String kind, OffsetDateTime occurredAt, String actor, String door,
            String deploymentId, String sourceDefinition, String targetDefinition, Integer complaints, String summary) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public ProcessChanges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void deployment(String actor, String door, String deploymentId, String summary) {
        insert(DEPLOYMENT, actor, door, deploymentId, null, null, null, summary);
    }

    public void migration(String actor, String batchId, String sourceDefinition, String targetDefinition,
            int complaints, String summary) {
        insert(MIGRATION, actor, batchId, null, sourceDefinition, targetDefinition, complaints, summary);
    }

    /** The newest changes first. */
    public List<Change> latest(int limit) {
        return jdbc.sql("""
                SELECT id, kind, occurred_at, actor, door, deployment_id, source_definition, target_definition,
                       complaints, summary
                FROM process_change ORDER BY occurred_at DESC, id DESC LIMIT :limit""")
                .param("limit", limit)
                .query((rs, i) -> new Change(rs.getLong("id"), rs.getString("kind"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"), rs.getString("door"),
                        rs.getString("deployment_id"), rs.getString("source_definition"),
                        rs.getString("target_definition"), (Integer) rs.getObject("complaints"), rs.getString("summary")))
                .list();
    }

    private void insert(String kind, String actor, String door, String deploymentId, String source, String target,
            Integer complaints, String summary) {
        jdbc.sql("""
                INSERT INTO process_change (kind, occurred_at, actor, door, deployment_id, source_definition,
                                            target_definition, complaints, summary)
                VALUES (:kind, :at, :actor, :door, :deployment, :source, :target, :complaints, :summary)""")
                .param("kind", kind).param("at", OffsetDateTime.now(clock))
                .param("actor", actor == null ? SYSTEM : actor).param("door", truncate(door, 100))
                .param("deployment", deploymentId).param("source", source).param("target", target)
                .param("complaints", complaints).param("summary", truncate(summary, SUMMARY_LENGTH))
                .update();
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
