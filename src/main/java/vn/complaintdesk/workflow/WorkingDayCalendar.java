package vn.complaintdesk.workflow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;

/**
 * Working days in the desk's zone: not Saturday, not Sunday, not a configured public holiday.
 * "The Nth working day after" counts the first working day after the given day as day 1 and keeps
 * the local time of day.
 */
public class WorkingDayCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public WorkingDayCalendar(ZoneId zone, Collection<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    public OffsetDateTime addWorkingDays(OffsetDateTime from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        ZonedDateTime local = from.atZoneSameInstant(zone);
        LocalDate date = local.toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date.atTime(local.toLocalTime()).atZone(zone).toOffsetDateTime();
    }

    /**
     * Working days spent between two instants, counting only the time that falls on working days,
     * a part day rounded up to a whole one. Used to pause the resolution clock while the desk waits
     * for the customer.
     */
    public int workingDaysBetween(OffsetDateTime start, OffsetDateTime end) {
        if (!end.isAfter(start)) {
            return 0;
        }
        ZonedDateTime cursor = start.atZoneSameInstant(zone);
        ZonedDateTime stop = end.atZoneSameInstant(zone);
        Duration working = Duration.ZERO;
        while (cursor.isBefore(stop)) {
            ZonedDateTime nextMidnight = cursor.toLocalDate().plusDays(1).atStartOfDay(zone);
            ZonedDateTime sliceEnd = nextMidnight.isBefore(stop) ? nextMidnight : stop;
            if (isWorkingDay(cursor.toLocalDate())) {
                working = working.plus(Duration.between(cursor, sliceEnd));
            }
            cursor = sliceEnd;
        }
        long seconds = working.toSeconds();
        long day = Duration.ofDays(1).toSeconds();
        return (int) ((seconds + day - 1) / day);
    }

    /** Working days (whole, rounded down) from now until a due instant; negative when overdue. */
    public double workingDaysUntil(OffsetDateTime now, OffsetDateTime due) {
        if (due.isBefore(now)) {
            return -workingDaysBetween(due, now);
        }
        ZonedDateTime cursor = now.atZoneSameInstant(zone);
        ZonedDateTime stop = due.atZoneSameInstant(zone);
        double hours = 0;
        while (cursor.isBefore(stop)) {
            ZonedDateTime nextMidnight = cursor.toLocalDate().plusDays(1).atStartOfDay(zone);
            ZonedDateTime sliceEnd = nextMidnight.isBefore(stop) ? nextMidnight : stop;
            if (isWorkingDay(cursor.toLocalDate())) {
                hours += Duration.between(cursor, sliceEnd).toMinutes() / 60.0;
            }
            cursor = sliceEnd;
        }
        return hours / 24.0;
    }
}
