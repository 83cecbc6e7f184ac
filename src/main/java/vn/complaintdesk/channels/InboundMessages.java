package vn.complaintdesk.channels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code inbound_message} table: every message from outside and what became of it. */
@Repository
public class InboundMessages {

    public record Inbound(long id, String channel, String source, String externalId, String sender, String subject,
            String body, Long sizeBytes, OffsetDateTime receivedAt, Long complaintId, String reference,
            InboundOutcome outcome, String error, String answer) {
    }

    private static final String SELECT = """
            SELECT m.*, c.reference FROM inbound_message m LEFT JOIN complaint c ON c.id = m.complaint_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    public InboundMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Inbound> find(String source, String externalId) {
        return jdbc.sql(SELECT + " WHERE m.source = :source AND m.external_id = :id")
                .param("source", source).param("id", externalId).query(InboundMessages::map).optional();
    }

    public Optional<Inbound> find(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query(InboundMessages::map).optional();
    }

    /** Records a message and what became of it (or RECEIVED, settled later in the same transaction). */
    public long record(CustomerMessage message, Long complaintId, InboundOutcome outcome, String error) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inbound_message (channel, source, external_id, sender, subject, body, size_bytes,
                    received_at, complaint_id, outcome, error)
                VALUES (:channel, :source, :externalId, :sender, :subject, :body, :size, :receivedAt, :complaint,
                    :outcome, :error)""")
                .param("channel", message.channel().name())
                .param("source", message.source())
                .param("externalId", cut(message.externalId(), 500))
                .param("sender", cut(describe(message.sender()), 320))
                .param("subject", cut(message.subject(), 500))
                .param("body", cut(message.text(), 10000))
                .param("size", message.sizeBytes())
                .param("receivedAt", message.receivedAt() != null ? message.receivedAt() : OffsetDateTime.now(clock))
                .param("complaint", complaintId)
                .param("outcome", outcome.name())
                .param("error", cut(error, 2000))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void settle(long id, Long complaintId, InboundOutcome outcome) {
        jdbc.sql("UPDATE inbound_message SET complaint_id = :complaint, outcome = :outcome WHERE id = :id")
                .param("complaint", complaintId).param("outcome", outcome.name()).param("id", id).update();
    }

    /** What the desk answered when it handled the message (JSON), for a repeated delivery. */
    public void answered(long id, String answer) {
        jdbc.sql("UPDATE inbound_message SET answer = :answer WHERE id = :id")
                .param("answer", answer).param("id", id).update();
    }

    /** The complaint a customer's own earlier message (by its Message-ID) opened or joined. */
    public Optional<Long> complaintOfAny(String source, List<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT complaint_id FROM inbound_message
                WHERE source = :source AND external_id IN (:ids) AND complaint_id IS NOT NULL
                ORDER BY id LIMIT 1""")
                .param("source", source).param("ids", externalIds).query(Long.class).optional();
    }

    /** A page of messages, newest first; {@code outcome} null for all. */
    public List<Inbound> page(InboundOutcome outcome, int page, int size) {
        var query = jdbc.sql(SELECT + where(outcome) + " ORDER BY m.received_at DESC, m.id DESC LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size);
        if (outcome != null) {
            query = query.param("outcome", outcome.name());
        }
        return query.query(InboundMessages::map).list();
    }

    public long count(InboundOutcome outcome) {
        var query = jdbc.sql("SELECT COUNT(*) FROM inbound_message m" + where(outcome));
        if (outcome != null) {
            query = query.param("outcome", outcome.name());
        }
        return query.query(Long.class).single();
    }

    private static String where(InboundOutcome outcome) {
        return outcome == null ? "" : " WHERE m.outcome = :outcome";
    }

    static String describe(CustomerMessage.Sender sender) {
        if (sender == null) {
            return null;
        }
        String contact = sender.email() != null ? sender.email()
                : sender.phone() != null ? sender.phone() : sender.accountId();
        if (sender.name() == null || sender.name().isBlank()) {
            return contact;
        }
        return contact == null ? sender.name() : sender.name() + " <" + contact + ">";
    }

    public static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static Inbound map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long complaintId = rs.getLong("complaint_id");
        boolean noComplaint = rs.wasNull();
        long size = rs.getLong("size_bytes");
        boolean noSize = rs.wasNull();
        return new Inbound(rs.getLong("id"), rs.getString("channel"), rs.getString("source"),
                rs.getString("external_id"), rs.getString("sender"), rs.getString("subject"), rs.getString("body"),
                noSize ? null : size, rs.getObject("received_at", OffsetDateTime.class),
                noComplaint ? null : complaintId, rs.getString("reference"),
                InboundOutcome.valueOf(rs.getString("outcome")), rs.getString("error"), rs.getString("answer"));
    }
}
