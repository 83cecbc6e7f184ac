package vn.complaintdesk.complaint;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.complaintdesk.web.DisplayFormats;

/**
 * A log-book entry in the reader's language: its type as {@code log.type.<TYPE>} and its parameters
 * through {@code log.text.<TYPE>}, where {@code {name}} is a parameter and {@code [ … ]} a part shown
 * only when all its parameters are there. Codes are named through the bundles (a parameter
 * {@code remedy=REFUND} through {@code remedy.REFUND}), amounts in VND, dates in the desk's zone.
 * Pages call it as {@code ${@logBook.text(e)}}.
 */
@Component("logBook")
public class LogBookText {

    /** Parameter name → the bundle prefix that names its codes (comma-separated lists allowed). */
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("task", "task."),
            Map.entry("remedy", "remedy."),
            Map.entry("decision", "decision."),
            Map.entry("route", "route."),
            Map.entry("analysis", "analyze.outcome."),
            Map.entry("escalationOutcome", "escalationOutcome."),
            Map.entry("department", "analyze.department."),
            Map.entry("departments", "analyze.department."),
            Map.entry("channel", "channel."),
            Map.entry("category", "category."),
            Map.entry("priority", "priority."),
            Map.entry("status", "status."),
            Map.entry("letter", "letter.kind."),
            Map.entry("notification", "log.notification."),
            Map.entry("deadline", "mail.deadline."),
            Map.entry("training", "log.training."),
            Map.entry("view", "log.view."),
            Map.entry("group", "log.group."),
            Map.entry("kind", "kind."),
            Map.entry("event", "log.type."),
            // Process variables, as the audit timeline shows their changes.
            Map.entry("outcome", "analyze.outcome."),
            Map.entry("customerTier", "tier."),
            Map.entry("departmentGroups", "log.group."),
            Map.entry("approverGroup", "log.group."),
            Map.entry("replyKind", "kind."));

    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final String WORDS = "\u0000";
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    private final MessageSource messages;
    private final DisplayFormats formats;

    public LogBookText(MessageSource messages, DisplayFormats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    public String type(String type) {
        return message("log.type." + type, type);
    }

    /** "khách hàng", "hệ thống" or the staff member's user name. */
    public String actor(String actor) {
        return actor == null ? "" : message("log.actor." + actor, actor);
    }

    public String text(ComplaintEventLog.Event event) {
        return text(event.type(), event.params(), event.detail());
    }

    /** Entries recorded before the log book kept parameters show their detail as it was written. */
    public String text(String type, Map<String, String> params, String words) {
        if (params == null) {
            return words == null ? "" : words;
        }
        return render("log.text." + type, params, words);
    }

    /** Any message written like a log-book text (the notification centre's too). */
    public String render(String key, Map<String, String> params, String words) {
        String pattern = message(key, null);
        if (pattern == null) {
            return words == null ? "" : words;
        }
        boolean written = words != null && !words.isBlank();
        // The person's words go in last, so that brackets or braces they wrote stay as written.
        Matcher optional = OPTIONAL.matcher(pattern.replace("{text}", WORDS));
        StringBuilder kept = new StringBuilder();
        while (optional.find()) {
            String part = optional.group(1);
            boolean shown = complete(part, params) && (written || !part.contains(WORDS));
            optional.appendReplacement(kept, Matcher.quoteReplacement(shown ? part : ""));
        }
        optional.appendTail(kept);
        Matcher parameter = PARAMETER.matcher(kept);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            parameter.appendReplacement(out, Matcher.quoteReplacement(value(name, params.get(name))));
        }
        parameter.appendTail(out);
        return out.toString().replace(WORDS, written ? words : "").trim();
    }

    private static boolean complete(String part, Map<String, String> params) {
        Matcher parameter = PARAMETER.matcher(part);
        while (parameter.find()) {
            if (params.get(parameter.group(1)) == null) {
                return false;
            }
        }
        return true;
    }

    /** One parameter's value for the reader: a code named, an amount in VND, a date in the desk's zone. */
    public String value(String name, String value) {
        if (value == null || value.equals("null")) {
            return "";
        }
        if (name.equals("amount") && value.matches("\\d+")) {
            return formats.vnd(Long.valueOf(value));
        }
        String prefix = CODES.get(name);
        if (prefix != null) {
            return Arrays.stream(value.split(",")).map(String::trim)
                    .map(code -> message(prefix + code, code)).collect(Collectors.joining(", "));
        }
        return date(value);
    }

    private String date(String value) {
        if (value.length() < 10 || !Character.isDigit(value.charAt(0))) {
            return value;
        }
        try {
            return formats.dateTime(OffsetDateTime.parse(value));
        } catch (DateTimeParseException notTime) {
            try {
                return formats.date(LocalDate.parse(value));
            } catch (DateTimeParseException notDate) {
                return value;
            }
        }
    }

    private String message(String key, String fallback) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, fallback, locale);
    }
}
