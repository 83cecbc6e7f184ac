package vn.complaintdesk.workflow;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/** Computes the contract's deadlines of a complaint from its receipt and its triage. */
@Component
public class DeadlinePlanner {

    public record Plan(OffsetDateTime acknowledgementDueAt, OffsetDateTime interimDueAt,
            OffsetDateTime replyWarningAt, OffsetDateTime replyDueAt,
            OffsetDateTime resolutionWarningAt, OffsetDateTime resolutionDueAt) {
    }

    private final WorkingDayCalendar calendar;
    private final DeadlineProperties properties;

    public DeadlinePlanner(WorkingDayCalendar calendar, DeadlineProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    public Plan plan(OffsetDateTime receivedAt, int acknowledgementHours, int interimHours) {
        OffsetDateTime local = receivedAt.atZoneSameInstant(calendar.zone()).toOffsetDateTime();
        OffsetDateTime replyDue = calendar.addWorkingDays(local, properties.replyWorkingDays());
        OffsetDateTime resolutionDue = calendar.addWorkingDays(local, properties.resolutionWorkingDays());
        return new Plan(
                local.plusHours(acknowledgementHours),
                local.plusHours(interimHours),
                warningAt(local, replyDue),
                replyDue,
                warningAt(local, resolutionDue),
                resolutionDue);
    }

    /** The moment when the given share of the time from start to due has passed. */
    public OffsetDateTime warningAt(OffsetDateTime start, OffsetDateTime due) {
        Duration whole = Duration.between(start, due);
        return start.plus(whole.multipliedBy(properties.warningPercent()).dividedBy(100));
    }

    public OffsetDateTime workingDaysAfter(OffsetDateTime from, int workingDays) {
        return calendar.addWorkingDays(from, workingDays);
    }

    public DeadlineProperties properties() {
        return properties;
    }
}
