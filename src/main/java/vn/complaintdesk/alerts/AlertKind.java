package vn.complaintdesk.alerts;

/** What a staff member is told about; each is named in the bundles as {@code alerts.kind.<KIND>}. */
public enum AlertKind {
    SENT_BACK, CUSTOMER_ANSWERED, ASSIGNED, DEADLINE_NEAR, DEADLINE_MISSED, DEPARTMENT_FINISHED
}
