package vn.complaintdesk.workflow;

import java.util.List;

/**
 * The names the desk and the diagrams in {@code processes/} share: process keys, messages, variables
 * and timer ids. A name used in a diagram is written here once and nowhere else in the code.
 */
public final class ProcessNames {

    /** The complaint's process; its business key is the complaint's reference. */
    public static final String COMPLAINT_PROCESS = "complaint-handling";
    /** Called by the complaint's process after a second rejection. */
    public static final String EXTERNAL_ESCALATION_PROCESS = "external-escalation";

    private ProcessNames() {
    }

    /** Message names the process waits for. */
    public static final class Message {
        public static final String INFO_PROVIDED = "CustomerInfoProvided";
        public static final String ANSWERED = "CustomerAnswered";
        public static final String SURVEY_ANSWERED = "SurveyAnswered";
        public static final String REPLY_UNCLEAR = "CustomerReplyUnclear";
        /** The events a customer (or staff on their behalf) may send. */
        public static final List<String> CUSTOMER_EVENTS = List.of(INFO_PROVIDED, ANSWERED, SURVEY_ANSWERED);

        private Message() {
        }
    }

    /** Process variables. Routing facts are set by {@link RoutingFacts} from our tables, never by callers. */
    public static final class Variable {
        public static final String CATEGORY = "category";
        public static final String CHANNEL = "channel";
        public static final String CUSTOMER_TIER = "customerTier";
        public static final String DAYS_SINCE_INCIDENT = "daysSinceIncident";
        public static final String LIMITATION_DAYS = "limitationDays";
        public static final String TRIAGE = "triage";
        public static final String PRIORITY = "priority";
        public static final String ROUND = "round";
        public static final String FIRST_CONTACT = "firstContact";
        public static final String OUTCOME = "outcome";
        public static final String DEPARTMENT_GROUPS = "departmentGroups";
        public static final String DEPARTMENT_GROUP = "departmentGroup";
        /** The departments themselves: the collection of diagram versions before departmentGroups. */
        public static final String DEPARTMENTS = "departments";
        /** The element variable of diagram versions before departmentGroups. */
        public static final String DEPARTMENT = "department";
        public static final String REMEDY = "remedy";
        public static final String AMOUNT = "amount";
        public static final String APPROVER_GROUP = "approverGroup";
        public static final String DECISION = "decision";
        public static final String ACCEPTS = "accepts";
        public static final String REPLY_KIND = "replyKind";
        public static final String RATING = "rating";
        public static final String REPLY_TO_CLASSIFY = "replyToClassify";
        public static final String ACKNOWLEDGEMENT_DUE_AT = "acknowledgementDueAt";
        public static final String INTERIM_DUE_AT = "interimDueAt";
        public static final String REPLY_WARNING_AT = "replyWarningAt";
        public static final String REPLY_DUE_AT = "replyDueAt";
        public static final String RESOLUTION_WARNING_AT = "resolutionWarningAt";
        public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
        public static final String INFO_REMINDER_AT = "infoReminderAt";
        public static final String INFO_LIMIT_AT = "infoLimitAt";
        public static final String ANSWER_LIMIT_AT = "answerLimitAt";
        /** The survey timer's wait after closing, an ISO-8601 duration ({@code complaints.survey.delay}). */
        public static final String SURVEY_DELAY = "surveyDelay";
        /** Input parameters of the deadline-alert service tasks. */
        public static final String ALERT_DEADLINE = "deadline";
        public static final String ALERT_LEVEL = "level";

        private Variable() {
        }
    }

    /** Timer ids the desk moves or reads. */
    public static final class Timer {
        /** Silence after a letter counts as acceptance when it fires; the tracking page shows its day. */
        public static final String DEEMED_ACCEPTED = "Timer_DeemedAccepted";
        public static final String RESOLUTION_WARNING = "Timer_ResolutionWarning";
        public static final String RESOLUTION_BREACH = "Timer_ResolutionBreach";

        private Timer() {
        }
    }
}
