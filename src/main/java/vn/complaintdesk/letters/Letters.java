package vn.complaintdesk.letters;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.web.LocalizedFormats;
import vn.complaintdesk.web.PublicLinks;
import vn.complaintdesk.workflow.CalendarProperties;

/**
 * Written replies and refusals as PDF, stored once and never changed, with the SHA-256 of the PDF
 * bytes. A retried job finds the letter it already wrote (dedup key) instead of writing a second
 * one, so the customer, the mail attachment and the staff all see the very same file.
 */
@Component
public class Letters {

    public enum Kind {
        REPLY, SECOND_REPLY, MEETING_INVITATION, REFUSAL, INTAKE_RECEIPT
    }

    /** A letter as listed on the complaint (without its content). */
    public record Letter(long id, String kind, OffsetDateTime createdAt, String sha256, String language) implements Serializable {
    }

    /** A letter's file, for download and as mail attachment. */
    public record LetterFile(long id, String kind, String fileName, String contentType, byte[] content,
            String sha256) {
    }

    public static final String PDF = "application/pdf";

    private final JdbcClient jdbc;
    private final LetterPdfRenderer renderer;
    private final LetterheadProperties letterhead;
    private final PublicLinks links;
    private final ComplaintEventLog eventLog;
    private final CalendarProperties calendar;
    private final Clock clock;

    public Letters(JdbcClient jdbc, LetterPdfRenderer renderer, LetterheadProperties letterhead, PublicLinks links,
            ComplaintEventLog eventLog, CalendarProperties calendar, Clock clock) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.letterhead = letterhead;
        this.links = links;
        this.eventLog = eventLog;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Writes the letter of the given kind from {@code templates/letters/<KIND>.html} in the customer's
     * language. {@code details} are the kind's own values (replyText, remedy, amount, answerBy,
     * meetingAt; limitationDays, incidentDate, daysSinceIncident), added to the complaint's own.
     */
    public Letter issue(Complaint complaint, Kind kind, String dedupSuffix, Map<String, ?> details) {
        String dedupKey = complaint.reference() + ":" + kind + (dedupSuffix == null ? "" : ":" + dedupSuffix);
        Optional<Letter> existing = byDedupKey(dedupKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        Locale locale = Locale.forLanguageTag(complaint.customer().language());
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The row first, in the caller's transaction: the letter prints its own download link, which
        // needs its id. Nobody sees the row before the letter is in it.
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO letter (complaint_id, kind, dedup_key, language, body, sha256, created_at)
                VALUES (:c, :kind, :key, :lang, '', '', :at)""")
                .param("c", complaint.id()).param("kind", kind.name()).param("key", dedupKey)
                .param("lang", locale.getLanguage()).param("at", now).update(keys, "id");
        long id = keys.getKey().longValue();
        String xhtml = html(complaint, kind, details, now, id);
        byte[] pdf = renderer.pdf(xhtml);
        String sha256 = sha256(pdf);
        jdbc.sql("UPDATE letter SET body = :body, pdf = :pdf, sha256 = :sha WHERE id = :id")
                .param("body", xhtml).param("pdf", pdf).param("sha", sha256).param("id", id).update();
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "LETTER_ISSUED", Map.of("letter", kind, "sha256", sha256));
        return byDedupKey(dedupKey).orElseThrow();
    }

    /** The letter's XHTML, in the customer's language, as letter {@code letterId} issued at {@code issuedAt}. */
    String html(Complaint complaint, Kind kind, Map<String, ?> details, OffsetDateTime issuedAt, long letterId) {
        Locale locale = Locale.forLanguageTag(complaint.customer().language());
        Map<String, Object> model = new HashMap<>(details);
        model.put("kind", kind.name());
        model.put("lang", locale.getLanguage());
        model.put("reference", complaint.reference());
        model.put("customerName", complaint.customer().name());
        model.put("customerEmail", complaint.customer().email());
        model.put("complaintSubject", complaint.subject());
        model.put("receivedAt", complaint.receivedAt());
        model.put("issuedAt", issuedAt);
        model.put("trackingUrl", links.tracking(complaint.reference(), complaint.trackingToken()));
        model.put("downloadUrl", links.letterDownload(complaint.reference(), letterId, complaint.trackingToken()));
        model.put("letterhead", letterhead);
        model.put("fmt", new LocalizedFormats(locale, calendar.zone()));
        return renderer.html(kind, locale, model);
    }

    public List<Letter> of(long complaintId) {
        return jdbc.sql("""
                SELECT id, kind, created_at, sha256, language FROM letter WHERE complaint_id = :c
                ORDER BY created_at, id""")
                .param("c", complaintId).query((rs, n) -> map(rs)).list();
    }

    public Optional<LetterFile> file(Complaint complaint, long letterId) {
        return file("l.complaint_id = :c AND l.id = :id", Map.of("c", complaint.id(), "id", letterId));
    }

    /** The file of a letter, whoever's it is (for the mail that carries it). */
    public Optional<LetterFile> file(long letterId) {
        return file("l.id = :id", Map.of("id", letterId));
    }

    private Optional<LetterFile> file(String where, Map<String, Object> params) {
        return jdbc.sql("""
                SELECT l.id, l.kind, l.sha256, l.pdf, l.body, c.reference
                FROM letter l JOIN complaint c ON c.id = l.complaint_id
                WHERE\s""" + where)
                .params(params)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    String kind = rs.getString("kind");
                    String base = rs.getString("reference") + "-" + kind.toLowerCase(Locale.ROOT).replace('_', '-')
                            + "-" + id;
                    byte[] pdf = rs.getBytes("pdf");
                    if (pdf == null) {
                        // Written before letters became PDFs (V3): the stored text is the letter.
                        return new LetterFile(id, kind, base + ".txt", "text/plain;charset=UTF-8",
                                rs.getString("body").getBytes(StandardCharsets.UTF_8), rs.getString("sha256"));
                    }
                    return new LetterFile(id, kind, base + ".pdf", PDF, pdf, rs.getString("sha256"));
                })
                .optional();
    }

    /**
     * The HTTP answer for a download: the file inline with its name, its SHA-256 as ETag, and no
     * caching (letters hold personal data and the customer's link carries their token).
     */
    public static ResponseEntity<byte[]> download(LetterFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(file.fileName()).build().toString())
                .eTag("\"" + file.sha256() + "\"")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    private Optional<Letter> byDedupKey(String key) {
        return jdbc.sql("SELECT id, kind, created_at, sha256, language FROM letter WHERE dedup_key = :key")
                .param("key", key).query((rs, n) -> map(rs)).optional();
    }

    private static Letter map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Letter(rs.getLong("id"), rs.getString("kind"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("sha256"), rs.getString("language"));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
