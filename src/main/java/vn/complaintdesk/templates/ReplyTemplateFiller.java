package vn.complaintdesk.templates;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.letters.LetterheadProperties;
import vn.complaintdesk.web.LocalizedFormats;
import vn.complaintdesk.workflow.CalendarProperties;

/**
 * Fills a template for one complaint, with values written in the template's language (dates as
 * 22/11/2026, amounts as 1.500.000 VND or 1,500,000 VND, the category's name).
 */
@Component
public class ReplyTemplateFiller {

    private final DeadlineRepository deadlines;
    private final LetterheadProperties letterhead;
    private final MessageSource messages;
    private final CalendarProperties calendar;

    public ReplyTemplateFiller(DeadlineRepository deadlines, LetterheadProperties letterhead, MessageSource messages,
            CalendarProperties calendar) {
        this.deadlines = deadlines;
        this.letterhead = letterhead;
        this.messages = messages;
        this.calendar = calendar;
    }

    /**
     * @param amount the amount the agent has entered so far, or null
     * @throws Placeholders.Unfilled naming what could not be filled, including whatever the template's
     *         purpose has no value for (an information request knows no amount)
     */
    public String fill(ReplyTemplate template, Complaint complaint, Long amount) {
        Map<String, String> values = values(complaint, amount, Locale.forLanguageTag(template.language()));
        values.keySet().removeAll(template.purpose().unfillablePlaceholders());
        return Placeholders.fill(template.body(), values);
    }

    Map<String, String> values(Complaint complaint, Long amount, Locale locale) {
        LocalizedFormats fmt = new LocalizedFormats(locale, calendar.zone());
        Map<String, String> values = new HashMap<>();
        values.put("customer.name", complaint.customer().name());
        values.put("reference", complaint.reference());
        values.put("subject", complaint.subject());
        values.put("category", messages.getMessage("category." + complaint.category().name(), null,
                complaint.category().name(), locale));
        values.put("receivedAt", fmt.date(complaint.receivedAt()));
        values.put("incidentDate", fmt.date(complaint.incidentDate()));
        deadlines.find(complaint.id(), Deadline.REPLY).ifPresent(d -> values.put("replyDueAt", fmt.date(d.dueAt())));
        deadlines.find(complaint.id(), Deadline.RESOLUTION)
                .ifPresent(d -> values.put("resolutionDueAt", fmt.date(d.dueAt())));
        if (amount != null) {
            values.put("amount", fmt.vnd(amount));
        }
        values.put("company", letterhead.company());
        values.put("hotline", letterhead.hotline());
        return values;
    }
}
