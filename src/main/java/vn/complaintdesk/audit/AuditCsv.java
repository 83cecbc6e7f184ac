package vn.complaintdesk.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.web.DisplayFormats;

/** The search result as CSV: UTF-8 with a byte-order mark, so Excel shows Vietnamese correctly. */
@Component
public class AuditCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String HEADER = "reference,status,received_at,channel,category,priority,department,"
            + "customer_name,customer_email,customer_phone,customer_tier,subject,round,closed_at";

    private final DisplayFormats formats;

    public AuditCsv(DisplayFormats formats) {
        this.formats = formats;
    }

    public byte[] of(List<Complaint> complaints) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (Complaint c : complaints) {
            out.append(String.join(",", cell(c.reference()), cell(c.status().name()),
                    cell(formats.dateTime(c.receivedAt())), cell(c.channel().name()), cell(c.category().name()),
                    cell(c.priority()), cell(c.suggestedDepartment()), cell(c.customer().name()),
                    cell(c.customer().email()), cell(c.customer().phone()), cell(c.customer().tier().name()),
                    cell(c.subject()), cell(String.valueOf(c.round())), cell(formats.dateTime(c.closedAt()))))
                    .append("\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
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
