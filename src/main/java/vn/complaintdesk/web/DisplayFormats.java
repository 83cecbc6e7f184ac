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

    /** Today in the desk's zone, as a date input's value: 2026-11-22. */
    public String today() {
        return LocalDate.now(zone).toString();
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

    /** 1500000 → "1.500.000 VND" (vi) or "1,500,000 VND" (en): as the customer's letters write it. */
    public String vndAsInLetters(Long amount) {
        return new LocalizedFormats(LocaleContextHolder.getLocale(), zone).vnd(amount);
    }

    /** 367 → "367 B", 12 345 → "12 KB", 2 400 000 → "2,3 MB" (vi) / "2.3 MB" (en): never "0 KB". */
    public String fileSize(long bytes) {
        return fileSize(bytes, LocaleContextHolder.getLocale());
    }

    public static String fileSize(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        NumberFormat format = NumberFormat.getNumberInstance("en".equals(locale.getLanguage())
                ? Locale.ENGLISH : Locale.forLanguageTag("vi-VN"));
        format.setMaximumFractionDigits(1);
        return format.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
