package vn.complaintdesk.security.login;

import java.io.Serializable;

/** Where a login attempt came from: the authentication's details, kept in the session with the login. */
public record LoginAttempt(String address, LoginDoor door) implements Serializable {
}
