package vn.complaintdesk.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.deadlines.*}: working days of the legal and policy limits, and the warning share. */
@ConfigurationProperties("complaints.deadlines")
public record DeadlineProperties(int replyWorkingDays, int resolutionWorkingDays, int warningPercent,
        int infoReminderWorkingDays, int infoLimitWorkingDays, int answerLimitWorkingDays) {

    public DeadlineProperties {
        replyWorkingDays = replyWorkingDays <= 0 ? 7 : replyWorkingDays;
        resolutionWorkingDays = resolutionWorkingDays <= 0 ? 20 : resolutionWorkingDays;
        warningPercent = warningPercent <= 0 || warningPercent >= 100 ? 80 : warningPercent;
        infoReminderWorkingDays = infoReminderWorkingDays <= 0 ? 3 : infoReminderWorkingDays;
        infoLimitWorkingDays = infoLimitWorkingDays <= 0 ? 10 : infoLimitWorkingDays;
        answerLimitWorkingDays = answerLimitWorkingDays <= 0 ? 10 : answerLimitWorkingDays;
    }
}
