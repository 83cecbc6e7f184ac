package vn.complaintdesk.complaint;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.complaintdesk.intake.AttachmentUpload;
import vn.complaintdesk.intake.Attachments;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;

/**
 * Staff's notes inside a complaint (append-only: a correction is a new note). A note enters the log
 * book, so it is in the timeline and the auditor's file, and never in anything the customer sees.
 */
@Service
public class InternalNotes {

    public record Note(long id, String body, Long attachmentId, String author, OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final Attachments attachments;
    private final ComplaintEventLog eventLog;
    private final MessageSource messages;
    private final Clock clock;

    public InternalNotes(JdbcClient jdbc, Attachments attachments, ComplaintEventLog eventLog, MessageSource messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.eventLog = eventLog;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public void add(Complaint complaint, String author, String body, AttachmentUpload upload) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> problems = new ArrayList<>();
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem("body", messages.getMessage("validation.required", null, locale)));
        } else if (text.length() > 4000) {
            problems.add(new FieldProblem("body", messages.getMessage("validation.maxLength", new Object[] {4000}, locale)));
        }
        if (upload != null) {
            problems.addAll(attachments.problemsOf(List.of(upload)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        Long attachmentId = upload == null ? null : attachments.storeOne(complaint.id(), upload, author);
        jdbc.sql("""
                INSERT INTO complaint_note (complaint_id, body, attachment_id, author, created_at)
                VALUES (:c, :body, :attachment, :author, :at)""")
                .param("c", complaint.id()).param("body", text).param("attachment", attachmentId)
                .param("author", author).param("at", OffsetDateTime.now(clock)).update();
        eventLog.record(complaint.id(), author, "NOTE", LogParams.of("file", upload == null ? null : upload.filename()), text);
    }

    public List<Note> of(long complaintId) {
        return jdbc.sql("SELECT * FROM complaint_note WHERE complaint_id = :c ORDER BY created_at, id")
                .param("c", complaintId)
                .query((rs, n) -> new Note(rs.getLong("id"), rs.getString("body"),
                        (Long) rs.getObject("attachment_id", Long.class), rs.getString("author"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
