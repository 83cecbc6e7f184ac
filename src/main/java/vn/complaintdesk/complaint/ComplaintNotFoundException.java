package vn.complaintdesk.complaint;

public class ComplaintNotFoundException extends RuntimeException {

    public ComplaintNotFoundException(String reference) {
        super("No complaint with reference " + reference);
    }
}
