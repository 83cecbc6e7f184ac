package vn.complaintdesk.security.login;

public enum LoginOutcome {
    SUCCESS,
    FAILURE,
    /** Refused by the throttle before the password was checked. */
    THROTTLED
}
