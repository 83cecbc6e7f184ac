package vn.complaintdesk.notification;

/** A file sent with a message (the letter PDF of a REPLY or REFUSAL). */
public record Attachment(String fileName, String contentType, byte[] content) {
}
