package vn.complaintdesk.security.login;

/** How a login attempt came in: our login form or HTTP Basic credentials on an API call. */
public enum LoginDoor {
    FORM,
    BASIC
}
