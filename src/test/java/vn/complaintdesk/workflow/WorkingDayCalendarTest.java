package vn.complaintdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The desk's working-day arithmetic, without Spring. Every expected date below was counted by hand
 * on the calendar; the comments show the count.
 */
class WorkingDayCalendarTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The 2026 and 2027 public holidays shipped in application.yml (complaints.calendar.holidays). */
    private static final List<LocalDate> HOLIDAYS = Stream.of(
            "2026-01-01",
            "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
            "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02",
            "2027-01-01",
            "2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10",
            "2027-04-16", "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03")
            .map(LocalDate::parse).toList();

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(ZONE, HOLIDAYS);

    private static OffsetDateTime vn(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+07:00");
    }

    // --- addWorkingDays -----------------------------------------------------------------------

    @Test
    void weekendsAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-06"))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-08"))).as("Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-09"))).as("Monday").isTrue();
    }

    @Test
    void configuredHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-18"))).as("Tết, Wednesday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-02"))).as("National Day, Wednesday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-23"))).as("Monday after Tết").isTrue();
    }

    @Test
    void workingDaysSkipTheWeekend() {
        // Thu 5 Mar + 2: Fri 6 (1), Sat/Sun skipped, Mon 9 (2)
        assertThat(calendar.addWorkingDays(vn("2026-03-05T10:00:00"), 2)).isEqualTo(vn("2026-03-09T10:00:00"));
        // Mon 2 Mar + 5: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9
        assertThat(calendar.addWorkingDays(vn("2026-03-02T10:00:00"), 5)).isEqualTo(vn("2026-03-09T10:00:00"));
    }

    @Test
    void receivedOnSaturdayHasMondayAsDayOne() {
        assertThat(calendar.addWorkingDays(vn("2026-03-07T15:30:00"), 1)).isEqualTo(vn("2026-03-09T15:30:00"));
        assertThat(calendar.addWorkingDays(vn("2026-03-08T08:00:00"), 1)).as("received on Sunday")
                .isEqualTo(vn("2026-03-09T08:00:00"));
        // Sat 7 Mar + 7: Mon 9 (1) ... Fri 13 (5), Mon 16 (6), Tue 17 (7)
        assertThat(calendar.addWorkingDays(vn("2026-03-07T15:30:00"), 7)).isEqualTo(vn("2026-03-17T15:30:00"));
    }

    @Test
    void receivedOnFridayHasMondayAsDayOne() {
        assertThat(calendar.addWorkingDays(vn("2026-03-06T16:00:00"), 1)).isEqualTo(vn("2026-03-09T16:00:00"));
    }

    @Test
    void deadlineSpanningTetSkipsTheHolidayWeek() {
        // Fri 13 Feb 2026 + 7: Sat 14/Sun 15 off, Mon 16 - Fri 20 Tết, Sat 21/Sun 22 off,
        // Mon 23 (1), Tue 24 (2), Wed 25 (3), Thu 26 (4), Fri 27 (5), Mon 2 Mar (6), Tue 3 Mar (7)
        assertThat(calendar.addWorkingDays(vn("2026-02-13T10:00:00"), 7)).isEqualTo(vn("2026-03-03T10:00:00"));
    }

    @Test
    void withoutTheHolidaysTheSameDeadlineWouldFallInsideTet() {
        WorkingDayCalendar noHolidays = new WorkingDayCalendar(ZONE, List.of());
        // Mon 16 (1) ... Fri 20 (5), Mon 23 (6), Tue 24 (7)
        assertThat(noHolidays.addWorkingDays(vn("2026-02-13T10:00:00"), 7)).isEqualTo(vn("2026-02-24T10:00:00"));
    }

    @Test
    void aHolidayOnAWeekendChangesNothing() {
        List<LocalDate> withLabourDayOnSaturday = new ArrayList<>(HOLIDAYS);
        withLabourDayOnSaturday.add(LocalDate.parse("2027-05-01"));
        WorkingDayCalendar withSaturdayHoliday = new WorkingDayCalendar(ZONE, withLabourDayOnSaturday);
        OffsetDateTime thursday = vn("2027-04-29T09:00:00");
        // Thu 29 Apr 2027 + 3: Fri 30 holiday, Sat 1 May (holiday and weekend), Sun 2, Mon 3 compensatory
        // holiday, Tue 4 (1), Wed 5 (2), Thu 6 (3)
        OffsetDateTime expected = vn("2027-05-06T09:00:00");

        assertThat(withSaturdayHoliday.addWorkingDays(thursday, 3)).isEqualTo(expected);
        assertThat(calendar.addWorkingDays(thursday, 3)).isEqualTo(expected);
        assertThat(withSaturdayHoliday.isWorkingDay(LocalDate.parse("2027-05-01"))).isFalse();
        assertThat(withSaturdayHoliday.workingDaysBetween(vn("2027-04-29T09:00:00"), vn("2027-05-06T09:00:00")))
                .isEqualTo(calendar.workingDaysBetween(vn("2027-04-29T09:00:00"), vn("2027-05-06T09:00:00")))
                .isEqualTo(3);
    }

    @Test
    void deadlineSpanningTheNewYearSkipsNewYearsDay() {
        // Wed 23 Dec 2026 + 7: Thu 24 (1), Fri 25 (2), Mon 28 (3), Tue 29 (4), Wed 30 (5), Thu 31 (6),
        // Fri 1 Jan 2027 holiday, Sat 2/Sun 3 off, Mon 4 Jan (7)
        assertThat(calendar.addWorkingDays(vn("2026-12-23T14:00:00"), 7)).isEqualTo(vn("2027-01-04T14:00:00"));
    }

    @Test
    void theLocalTimeOfDayIsKept() {
        assertThat(calendar.addWorkingDays(vn("2026-03-05T23:59:59"), 1)).isEqualTo(vn("2026-03-06T23:59:59"));
        assertThat(calendar.addWorkingDays(vn("2026-03-05T00:00:00"), 1)).isEqualTo(vn("2026-03-06T00:00:00"));
    }

    @Test
    void anInstantGivenInUtcCountsFromTheDayInVietnam() {
        // 20:00 UTC on Friday 6 Mar is 03:00 on Saturday 7 Mar in Hanoi: Monday is day 1, at 03:00 local
        OffsetDateTime result = calendar.addWorkingDays(OffsetDateTime.parse("2026-03-06T20:00:00Z"), 1);
        assertThat(result).isEqualTo(vn("2026-03-09T03:00:00"));
        assertThat(result.getOffset().getId()).isEqualTo("+07:00");
    }

    @Test
    void twentiethWorkingDaySkipsTheAprilAndMayHolidays() {
        // Mon 20 Apr 2026 + 20: Tue 21 (1) - Fri 24 (4), Mon 27 Hùng Kings, Tue 28 (5), Wed 29 (6),
        // Thu 30 / Fri 1 May holidays, Mon 4 (7) - Fri 8 (11), Mon 11 (12) - Fri 15 (16),
        // Mon 18 (17), Tue 19 (18), Wed 20 (19), Thu 21 May (20)
        assertThat(calendar.addWorkingDays(vn("2026-04-20T09:00:00"), 20)).isEqualTo(vn("2026-05-21T09:00:00"));
    }

    @Test
    void twentiethWorkingDayAfterTheFridayBeforeTet() {
        // Fri 13 Feb 2026: day 7 is Tue 3 Mar (above); Wed 4 (8) ... Fri 6 (10), Mon 9 (11) - Fri 13 (15),
        // Mon 16 (16) - Fri 20 Mar (20)
        assertThat(calendar.addWorkingDays(vn("2026-02-13T10:00:00"), 20)).isEqualTo(vn("2026-03-20T10:00:00"));
    }

    @Test
    void zeroWorkingDaysIsTheSameMomentAndNegativeIsRefused() {
        assertThat(calendar.addWorkingDays(vn("2026-03-07T10:00:00"), 0)).isEqualTo(vn("2026-03-07T10:00:00"));
        assertThatThrownBy(() -> calendar.addWorkingDays(vn("2026-03-07T10:00:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- workingDaysBetween -------------------------------------------------------------------

    @Test
    void aPartOfAWorkingDayRoundsUpToOne() {
        assertThat(calendar.workingDaysBetween(vn("2026-03-03T10:00:00"), vn("2026-03-03T11:00:00"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(vn("2026-03-03T10:00:00"), vn("2026-03-03T10:00:01"))).isEqualTo(1);
    }

    @Test
    void wholeWorkingDaysAreCountedExactly() {
        assertThat(calendar.workingDaysBetween(vn("2026-03-02T10:00:00"), vn("2026-03-04T10:00:00"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(vn("2026-03-02T10:00:00"), vn("2026-03-04T10:00:01"))).isEqualTo(3);
    }

    @Test
    void fridayEveningToMondayMorningIsOneWorkingDay() {
        // Fri 17:00-24:00 (7 h) + Mon 00:00-09:00 (9 h) = 16 h of working days -> 1
        assertThat(calendar.workingDaysBetween(vn("2026-03-06T17:00:00"), vn("2026-03-09T09:00:00"))).isEqualTo(1);
    }

    @Test
    void aWaitOverAWeekendCountsOnlyWorkingDays() {
        // Thu 10:00 -> Tue 10:00 is five calendar days; Thu 14 h + Fri 24 h + Mon 24 h + Tue 10 h = 72 h -> 3
        assertThat(calendar.workingDaysBetween(vn("2026-03-05T10:00:00"), vn("2026-03-10T10:00:00"))).isEqualTo(3);
    }

    @Test
    void aWaitOverTetCountsOnlyTheWorkingDays() {
        // Fri 13 Feb 10:00 -> Mon 23 Feb 10:00: Fri 14 h + Mon 10 h = 24 h -> 1
        assertThat(calendar.workingDaysBetween(vn("2026-02-13T10:00:00"), vn("2026-02-23T10:00:00"))).isEqualTo(1);
    }

    @Test
    void aWaitEntirelyOnDaysOffIsZero() {
        assertThat(calendar.workingDaysBetween(vn("2026-03-07T08:00:00"), vn("2026-03-08T20:00:00"))).isZero();
        assertThat(calendar.workingDaysBetween(vn("2026-02-16T00:00:00"), vn("2026-02-21T00:00:00"))).isZero();
    }

    @Test
    void zeroOrNegativeSpanIsZero() {
        assertThat(calendar.workingDaysBetween(vn("2026-03-03T10:00:00"), vn("2026-03-03T10:00:00"))).isZero();
        assertThat(calendar.workingDaysBetween(vn("2026-03-05T10:00:00"), vn("2026-03-03T10:00:00"))).isZero();
    }

    @Test
    void instantsInOtherOffsetsAreCountedOnVietnameseDays() {
        // Sat 7 Mar 01:00 in Hanoi is Fri 6 Mar 18:00 UTC: the whole span lies on the Saturday in Vietnam
        assertThat(calendar.workingDaysBetween(OffsetDateTime.parse("2026-03-06T18:00:00Z"),
                OffsetDateTime.parse("2026-03-06T20:00:00Z"))).isZero();
    }

    // --- the paused resolution clock ----------------------------------------------------------

    @Test
    void pausedClockMovesTheDueDateAcrossTet() {
        OffsetDateTime resolutionDue = vn("2026-02-12T10:00:00");
        // waited Mon 9 Feb 09:00 -> Thu 12 Feb 15:00: 15 h + 24 h + 24 h + 15 h = 78 h -> 4 working days
        int waited = calendar.workingDaysBetween(vn("2026-02-09T09:00:00"), vn("2026-02-12T15:00:00"));
        assertThat(waited).isEqualTo(4);
        // Thu 12 Feb + 4: Fri 13 (1), Tết week, Mon 23 (2), Tue 24 (3), Wed 25 (4)
        assertThat(calendar.addWorkingDays(resolutionDue, waited)).isEqualTo(vn("2026-02-25T10:00:00"));
    }

    @Test
    void pausedClockCountsAWaitOverTetAsItsWorkingDaysOnly() {
        OffsetDateTime resolutionDue = vn("2026-02-25T10:00:00");
        // waited Fri 13 Feb 16:00 -> Tue 24 Feb 09:00: Fri 8 h + Mon 23 24 h + Tue 9 h = 41 h -> 2
        int waited = calendar.workingDaysBetween(vn("2026-02-13T16:00:00"), vn("2026-02-24T09:00:00"));
        assertThat(waited).isEqualTo(2);
        // Wed 25 Feb + 2: Thu 26 (1), Fri 27 (2)
        assertThat(calendar.addWorkingDays(resolutionDue, waited)).isEqualTo(vn("2026-02-27T10:00:00"));
    }

    // --- DeadlinePlanner ----------------------------------------------------------------------

    @Test
    void plannerPutsTheWarningAtEightyPercentOfTheTimeFromReceiptToDue() {
        DeadlinePlanner planner = new DeadlinePlanner(calendar, new DeadlineProperties(7, 20, 80, 3, 10, 10));
        OffsetDateTime received = vn("2026-02-13T10:00:00");

        DeadlinePlanner.Plan plan = planner.plan(received, 1, 24);

        assertThat(plan.acknowledgementDueAt()).isEqualTo(vn("2026-02-13T11:00:00"));
        assertThat(plan.interimDueAt()).isEqualTo(vn("2026-02-14T10:00:00"));
        assertThat(plan.replyDueAt()).isEqualTo(vn("2026-03-03T10:00:00"));
        assertThat(plan.resolutionDueAt()).isEqualTo(vn("2026-03-20T10:00:00"));
        // reply: 18 days = 432 h from receipt to due; 80 % = 345 h 36 min -> Fri 27 Feb 19:36
        assertThat(plan.replyWarningAt()).isEqualTo(vn("2026-02-27T19:36:00"));
        // resolution: 35 days = 840 h; 80 % = 672 h = 28 days -> Fri 13 Mar 10:00
        assertThat(plan.resolutionWarningAt()).isEqualTo(vn("2026-03-13T10:00:00"));
        assertThat(java.time.Duration.between(received, plan.replyWarningAt()).toSeconds() * 100)
                .isEqualTo(java.time.Duration.between(received, plan.replyDueAt()).toSeconds() * 80);
    }

    @Test
    void plannerAnswersInTheDesksOffsetWhateverOffsetTheReceiptHad() {
        DeadlinePlanner planner = new DeadlinePlanner(calendar, new DeadlineProperties(7, 20, 80, 3, 10, 10));

        DeadlinePlanner.Plan plan = planner.plan(OffsetDateTime.parse("2026-02-13T03:00:00Z"), 1, 24);

        assertThat(plan.replyDueAt()).isEqualTo(vn("2026-03-03T10:00:00"));
        assertThat(plan.replyDueAt().getOffset().getId()).isEqualTo("+07:00");
        assertThat(plan.acknowledgementDueAt().getOffset().getId()).isEqualTo("+07:00");
    }
}
