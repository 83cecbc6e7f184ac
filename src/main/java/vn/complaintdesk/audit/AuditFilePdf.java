package vn.complaintdesk.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintDetails;
import vn.complaintdesk.letters.LetterPdfRenderer;
import vn.complaintdesk.web.DisplayFormats;

/** One complaint's whole file as a PDF, drawn with the letters' renderer and embedded font. */
@Component
public class AuditFilePdf {

    public record Line(String at, String source, String actor, String what, String detail) {
    }

    private final SpringTemplateEngine templates;
    private final LetterPdfRenderer renderer;
    private final DisplayFormats formats;

    public AuditFilePdf(SpringTemplateEngine templates, LetterPdfRenderer renderer, DisplayFormats formats) {
        this.templates = templates;
        this.renderer = renderer;
        this.formats = formats;
    }

    public byte[] render(Complaint complaint, ComplaintDetails.StaffView view, List<AuditTimeline.Entry> timeline,
            Locale locale, String printedBy) {
        Context context = new Context(locale);
        context.setVariable("complaint", complaint);
        context.setVariable("received", formats.dateTime(complaint.receivedAt()));
        context.setVariable("incident", formats.date(complaint.incidentDate()));
        context.setVariable("deadlines", view.deadlines().stream()
                .map(d -> Map.of("name", d.name(), "due", formats.dateTime(d.dueAt()),
                        "metAt", formats.dateTime(d.metAt()), "met", String.valueOf(d.met())))
                .toList());
        context.setVariable("letters", view.letters().stream()
                .map(l -> Map.of("kind", l.kind(), "at", formats.dateTime(l.createdAt()), "sha256", l.sha256()))
                .toList());
        context.setVariable("notifications", view.notifications().stream()
                .map(n -> Map.of("type", n.type(), "recipient", n.recipient(), "status", n.status(),
                        "at", formats.dateTime(n.sentAt() != null ? n.sentAt() : n.createdAt())))
                .toList());
        context.setVariable("timeline", timeline.stream()
                .map(e -> new Line(formats.dateTime(e.at()), e.source(), e.actor() == null ? "" : e.actor(), e.what(),
                        e.detail() == null ? "" : e.detail()))
                .toList());
        context.setVariable("printedBy", printedBy);
        context.setVariable("printedAt", formats.dateTime(java.time.OffsetDateTime.now()));
        return renderer.pdf(templates.process("audit/file-pdf", context));
    }
}
