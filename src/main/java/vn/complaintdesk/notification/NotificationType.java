package vn.complaintdesk.notification;

public enum NotificationType {
    ACKNOWLEDGEMENT, INTERIM_UPDATE, INFO_REQUEST, REMINDER, REPLY, REFUSAL, ESCALATION_ALERT, SURVEY_INVITATION
}
