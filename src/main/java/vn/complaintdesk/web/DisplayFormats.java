package vn.complaintdesk.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.complaintdesk.workflow.CalendarProperties;

/**
 * Dates in the desk's zone and amounts in VND without decimals, for the pages
 * ({@code ${@fmt.dateTime(x)}}); the database may hand times back in UTC.
 */
@Component("fmt")
public class DisplayFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ZoneId zone;

    public DisplayFormats(CalendarProperties calendar) {
        this.zone = calendar.zone();
    }

    public String dateTime(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(DATE_TIME);
    }

    public String date(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(DATE);
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    public String date(java.util.Date date) {
        return date == null ? "" : date.toInstant().atZone(zone).format(DATE_TIME);
    }

    /** 250000 → "250.000 ₫" (vi) or "250,000 ₫" (en). */
    public String vnd(Long amount) {
        if (amount == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat format = NumberFormat.getIntegerInstance("en".equals(locale.getLanguage())
                ? Locale.ENGLISH : Locale.forLanguageTag("vi-VN"));
        return format.format(amount) + " ₫";
    }
}
