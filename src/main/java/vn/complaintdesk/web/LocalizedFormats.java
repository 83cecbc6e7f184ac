package vn.complaintdesk.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * Dates, times and VND amounts in one customer's language, for mails and letters, which are made
 * outside any web request (so {@link DisplayFormats}' request locale does not apply). Templates call
 * it as {@code ${fmt.date(x)}}.
 */
public final class LocalizedFormats {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final Locale locale;
    private final ZoneId zone;
    private final boolean english;

    public LocalizedFormats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.english = "en".equals(locale.getLanguage());
    }

    public Locale locale() {
        return locale;
    }

    /** 22/11/2026 in both languages (the form Vietnamese customers and banks use). */
    public String date(LocalDate date) {
        return date == null ? "" : date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    public String date(OffsetDateTime time) {
        return time == null ? "" : date(time.atZoneSameInstant(zone).toLocalDate());
    }

    public String date(Date time) {
        return time == null ? "" : date(time.toInstant().atZone(zone).toLocalDate());
    }

    /** 09:30, 22/11/2026 (local time of the desk). */
    public String dateTime(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy"));
    }

    /** The dateline of a letter: "ngày 22 tháng 11 năm 2026" or "22 November 2026". */
    public String longDate(OffsetDateTime time) {
        LocalDate day = time.atZoneSameInstant(zone).toLocalDate();
        if (english) {
            return day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        }
        return "ngày %02d tháng %02d năm %d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    /** 1500000 → "1.500.000 VND" (vi) or "1,500,000 VND" (en): whole đồng, no decimals. */
    public String vnd(Long amount) {
        if (amount == null) {
            return "";
        }
        return NumberFormat.getIntegerInstance(english ? Locale.ENGLISH : VIETNAMESE).format(amount) + " VND";
    }
}
