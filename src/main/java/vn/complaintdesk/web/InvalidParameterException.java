package vn.complaintdesk.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A query or form parameter the request cannot be answered with: 400 naming it, as problem+json
 * on the APIs and as the error page with the message on pages.
 */
public class InvalidParameterException extends ResponseStatusException {

    private final String parameter;

    /** @param message already in the caller's language */
    public InvalidParameterException(String parameter, String message) {
        super(HttpStatus.BAD_REQUEST, message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
