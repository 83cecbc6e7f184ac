package vn.complaintdesk.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates given in query parameters (periods of the dashboard, the audit search, where complaints
 * wait): ISO days within the years the desk can hold. Without bounds, a date such as
 * {@code -999999999-01-01} parses and then overflows every day count and timestamp made of it.
 */
@Component
public class DateParameters {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    private final MessageSource messages;

    public DateParameters(MessageSource messages) {
        this.messages = messages;
    }

    /** The day given, or {@code fallback} when none is; 400 naming the parameter when it is no such day. */
    public LocalDate day(String parameter, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (!day.isBefore(EARLIEST) && !day.isAfter(LATEST)) {
                return day;
            }
        } catch (DateTimeParseException unreadable) {
            // answered below like a day out of range
        }
        throw new InvalidParameterException(parameter, messages.getMessage("problem.date",
                new Object[] {EARLIEST.toString(), LATEST.toString()}, LocaleContextHolder.getLocale()));
    }

    /** 400 naming {@code from} when the period ends before it starts. */
    public void period(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", messages.getMessage("problem.period", null,
                    LocaleContextHolder.getLocale()));
        }
    }
}
