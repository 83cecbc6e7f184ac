package vn.complaintdesk.letters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;

/**
 * Written replies and refusals, stored once and never changed, with the SHA-256 of their text.
 * A retried job finds the letter it already wrote (dedup key) instead of writing a second one.
 */
@Component
public class Letters {

    public enum Kind {
        REPLY, SECOND_REPLY, MEETING_INVITATION, REFUSAL, INTAKE_RECEIPT
    }

    public record Letter(long id, String kind, OffsetDateTime createdAt, String sha256, String language, String body) {
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ComplaintEventLog eventLog;
    private final Clock clock;

    public Letters(JdbcClient jdbc, MessageSource messages, ComplaintEventLog eventLog, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** Writes the letter of the given kind from messages_xx ({@code letter.<KIND>}); args follow the reference. */
    public Letter issue(Complaint complaint, Kind kind, String dedupSuffix, Object... args) {
        String dedupKey = complaint.reference() + ":" + kind + (dedupSuffix == null ? "" : ":" + dedupSuffix);
        Optional<Letter> existing = byDedupKey(dedupKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Locale locale = Locale.forLanguageTag(complaint.customer().language());
        Object[] all = new Object[args.length + 2];
        all[0] = complaint.reference();
        all[1] = complaint.customer().name();
        System.arraycopy(args, 0, all, 2, args.length);
        String body = messages.getMessage("letter." + kind, all, locale);
        jdbc.sql("""
                INSERT INTO letter (complaint_id, kind, dedup_key, language, body, sha256, created_at)
                VALUES (:c, :kind, :key, :lang, :body, :sha, :at)""")
                .param("c", complaint.id()).param("kind", kind.name()).param("key", dedupKey)
                .param("lang", locale.getLanguage()).param("body", body).param("sha", sha256(body))
                .param("at", OffsetDateTime.now(clock)).update();
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "LETTER_ISSUED", kind.name());
        return byDedupKey(dedupKey).orElseThrow();
    }

    public List<Letter> of(long complaintId) {
        return jdbc.sql("SELECT * FROM letter WHERE complaint_id = :c ORDER BY created_at, id")
                .param("c", complaintId).query((rs, n) -> map(rs)).list();
    }

    public Optional<Letter> find(long complaintId, long letterId) {
        return jdbc.sql("SELECT * FROM letter WHERE complaint_id = :c AND id = :id")
                .param("c", complaintId).param("id", letterId).query((rs, n) -> map(rs)).optional();
    }

    private Optional<Letter> byDedupKey(String key) {
        return jdbc.sql("SELECT * FROM letter WHERE dedup_key = :key").param("key", key)
                .query((rs, n) -> map(rs)).optional();
    }

    private static Letter map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Letter(rs.getLong("id"), rs.getString("kind"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("sha256"), rs.getString("language"), rs.getString("body"));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
