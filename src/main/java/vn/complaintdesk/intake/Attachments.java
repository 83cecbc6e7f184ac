package vn.complaintdesk.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import vn.complaintdesk.web.ControlCharacters;
import vn.complaintdesk.web.FieldProblem;

/**
 * Attachments of a complaint: at most {@code complaints.attachments.max-count} files of at most
 * {@code max-size} each, of the types a desk can open safely (PDF, JPEG, PNG, plain text), recognised
 * by their content, not by the name or the type the browser claims.
 */
@Component
public class Attachments {

    public record Attachment(long id, String filename, String contentType, long sizeBytes, String sha256,
            OffsetDateTime uploadedAt) {
    }

    public record Content(String filename, String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final int maxCount;
    private final DataSize maxSize;

    public Attachments(JdbcClient jdbc, MessageSource messages, Clock clock,
            @Value("${complaints.attachments.max-count:5}") int maxCount,
            @Value("${complaints.attachments.max-size:5MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.maxCount = maxCount;
        this.maxSize = maxSize;
    }

    public List<FieldProblem> problemsOf(List<AttachmentUpload> uploads) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> problems = new ArrayList<>();
        if (uploads.size() > maxCount) {
            problems.add(new FieldProblem("attachments", messages.getMessage("attachments.tooMany",
                    new Object[] {maxCount}, locale)));
        }
        for (AttachmentUpload upload : uploads) {
            if (ControlCharacters.inLine(upload.filename())) {
                problems.add(new FieldProblem("attachments", messages.getMessage("attachments.controlCharacters",
                        new Object[] {safeName(upload.filename())}, locale)));
            } else if (upload.content().length > maxSize.toBytes()) {
                problems.add(new FieldProblem("attachments", messages.getMessage("attachments.tooLarge",
                        new Object[] {safeName(upload.filename()), maxSize.toMegabytes()}, locale)));
            } else if (typeOf(upload.content()).isEmpty()) {
                problems.add(new FieldProblem("attachments", messages.getMessage("attachments.type",
                        new Object[] {safeName(upload.filename())}, locale)));
            }
        }
        return problems;
    }

    /**
     * The uploads the portal would take too, in order: of a type it opens, within the size, up to the
     * count. A channel keeps these of what a customer sent and names the rest.
     */
    public List<AttachmentUpload> acceptable(List<AttachmentUpload> uploads) {
        List<AttachmentUpload> kept = new ArrayList<>();
        for (AttachmentUpload upload : uploads) {
            if (kept.size() < maxCount && upload.content().length <= maxSize.toBytes()
                    && typeOf(upload.content()).isPresent()) {
                kept.add(upload);
            }
        }
        return kept;
    }

    /** Stores checked uploads in the caller's transaction. */
    public void store(long complaintId, List<AttachmentUpload> uploads, String uploadedBy) {
        uploads.forEach(upload -> storeOne(complaintId, upload, uploadedBy));
    }

    /** Stores one checked upload in the caller's transaction and answers its id. */
    public long storeOne(long complaintId, AttachmentUpload upload, String uploadedBy) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO attachment (complaint_id, filename, content_type, size_bytes, sha256, content,
                    uploaded_by, uploaded_at)
                VALUES (:c, :name, :type, :size, :sha, :content, :by, :at)""")
                .param("c", complaintId).param("name", safeName(upload.filename()))
                .param("type", typeOf(upload.content()).orElseThrow()).param("size", upload.content().length)
                .param("sha", sha256(upload.content())).param("content", upload.content())
                .param("by", uploadedBy).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Attachment> of(long complaintId) {
        return jdbc.sql("""
                SELECT id, filename, content_type, size_bytes, sha256, uploaded_at FROM attachment
                WHERE complaint_id = :c ORDER BY id""")
                .param("c", complaintId)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    public Optional<Content> content(long complaintId, long attachmentId) {
        return jdbc.sql("SELECT filename, content_type, content FROM attachment WHERE complaint_id = :c AND id = :id")
                .param("c", complaintId).param("id", attachmentId)
                .query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    static Optional<String> typeOf(byte[] bytes) {
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        return isPlainText(bytes) ? Optional.of("text/plain;charset=UTF-8") : Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainText(byte[] bytes) {
        if (bytes.length == 0) {
            return false;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Only the last path segment, without control characters, at most 255 characters. */
    static String safeName(String filename) {
        String name = filename == null ? "file" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
