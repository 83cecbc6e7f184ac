package vn.complaintdesk.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.web.DisplayFormats;

/** The search result as CSV: UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly. */
@Component
public class AuditCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Columns in the reader's language ({@code audit.csv.<column>}); the last one keeps the codes for machines. */
    private static final List<String> COLUMNS = List.of("reference", "status", "receivedAt", "channel", "category",
            "priority", "department", "customerName", "customerEmail", "customerPhone", "customerTier", "subject",
            "round", "closedAt", "codes");

    private final DisplayFormats formats;
    private final MessageSource messages;

    public AuditCsv(DisplayFormats formats, MessageSource messages) {
        this.formats = formats;
        this.messages = messages;
    }

    public byte[] of(List<Complaint> complaints) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder out = new StringBuilder(COLUMNS.stream()
                .map(column -> cell(messages.getMessage("audit.csv." + column, null, locale)))
                .collect(Collectors.joining(","))).append("\r\n");
        for (Complaint c : complaints) {
            out.append(String.join(",", cell(c.reference()), cell(named("status.", c.status().name(), locale)),
                    cell(formats.dateTime(c.receivedAt())), cell(named("channel.", c.channel().name(), locale)),
                    cell(named("category.", c.category().name(), locale)), cell(named("priority.", c.priority(), locale)),
                    cell(named("analyze.department.", c.suggestedDepartment(), locale)), cell(c.customer().name()),
                    cell(c.customer().email()), cell(c.customer().phone()),
                    cell(named("tier.", c.customer().tier().name(), locale)), cell(c.subject()),
                    cell(String.valueOf(c.round())), cell(formats.dateTime(c.closedAt())), cell(codes(c))))
                    .append("\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private String named(String prefix, String code, Locale locale) {
        return code == null ? null : messages.getMessage(prefix + code, null, code, locale);
    }

    /** status=CLOSED;channel=WEB_FORM;…: the same values as codes, for a script that reads the export. */
    private static String codes(Complaint c) {
        return "status=" + c.status().name() + ";channel=" + c.channel().name() + ";category=" + c.category().name()
                + ";priority=" + (c.priority() == null ? "" : c.priority())
                + ";department=" + (c.suggestedDepartment() == null ? "" : c.suggestedDepartment())
                + ";tier=" + c.customer().tier().name();
    }

    /** Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || !text.equals(value)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
