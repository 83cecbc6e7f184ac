package vn.complaintdesk.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.intake.AttachmentUpload;
import vn.complaintdesk.intake.Attachments;
import vn.complaintdesk.web.DisplayFormats;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;

/**
 * The customer's answer to an information request with the files it asks for (a screenshot, a bank
 * statement), from the tracking page or the tracking API. The files obey the portal's limits and are
 * kept only with an answer the procedure takes: a refused file or a 409 keeps nothing.
 */
@Service
public class InformationAnswers {

    private final CustomerEvents customerEvents;
    private final Attachments attachments;
    private final ComplaintEventLog eventLog;
    private final MessageSource messages;

    public InformationAnswers(CustomerEvents customerEvents, Attachments attachments, ComplaintEventLog eventLog,
            MessageSource messages) {
        this.customerEvents = customerEvents;
        this.attachments = attachments;
        this.eventLog = eventLog;
        this.messages = messages;
    }

    /** {@code payload} holds {@code information}; it may be left out when files are sent. */
    @Transactional
    public void answer(Complaint complaint, Map<String, Object> payload, List<AttachmentUpload> files) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> problems = new ArrayList<>(attachments.problemsOf(files));
        Map<String, Object> fields = new HashMap<>(payload);
        fields.remove("attachments");
        if (blank(fields.get("information"))) {
            if (files.isEmpty()) {
                problems.add(new FieldProblem("information", messages.getMessage("portal.info.required", null, locale)));
            } else {
                fields.put("information", messages.getMessage("portal.info.filesOnly",
                        new Object[] {describe(files, locale)}, locale));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        customerEvents.deliver(complaint, CustomerEvents.INFO_PROVIDED, fields, ComplaintEventLog.CUSTOMER);
        if (!files.isEmpty()) {
            attachments.store(complaint.id(), files, ComplaintEventLog.CUSTOMER);
            eventLog.record(complaint.id(), ComplaintEventLog.CUSTOMER, "ATTACHMENTS_ADDED", describe(files, locale));
        }
    }

    private static String describe(List<AttachmentUpload> files, Locale locale) {
        return files.stream()
                .map(f -> f.filename() + " (" + DisplayFormats.fileSize(f.content().length, locale) + ")")
                .collect(Collectors.joining(", "));
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
