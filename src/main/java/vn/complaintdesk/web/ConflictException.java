package vn.complaintdesk.web;

/** The request is valid but the complaint is not in a state to take it (answered 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
