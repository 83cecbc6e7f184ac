package vn.complaintdesk.reporting;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A duration as people say it, to two units at most: "2 ng 4 giờ" / "2 d 4 h", "3 giờ 15 ph" / "3 h 15 min".
 * Pages call it as {@code ${@durations.human(millis)}}.
 */
@Component("durations")
public class HumanDurations {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private final MessageSource messages;

    public HumanDurations(MessageSource messages) {
        this.messages = messages;
    }

    public String human(Double millis) {
        return human(millis, LocaleContextHolder.getLocale());
    }

    public String human(Double millis, Locale locale) {
        if (millis == null) {
            return "–";
        }
        if (millis < MINUTE) {
            return text("duration.underMinute", locale);
        }
        if (millis >= DAY) {
            long hours = Math.round(millis / HOUR);
            return join(text("duration.days", locale, hours / 24), hours % 24 == 0 ? null
                    : text("duration.hours", locale, hours % 24));
        }
        long minutes = Math.round(millis / MINUTE);
        if (minutes >= 60) {
            return join(text("duration.hours", locale, minutes / 60), minutes % 60 == 0 ? null
                    : text("duration.minutes", locale, minutes % 60));
        }
        return text("duration.minutes", locale, minutes);
    }

    private static String join(String larger, String smaller) {
        return smaller == null ? larger : larger + " " + smaller;
    }

    private String text(String key, Locale locale, Object... values) {
        return messages.getMessage(key, values, locale);
    }
}
