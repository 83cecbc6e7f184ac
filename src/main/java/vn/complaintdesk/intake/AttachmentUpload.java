package vn.complaintdesk.intake;

/** A file handed in with a complaint, before it is checked and stored. */
public record AttachmentUpload(String filename, byte[] content) {
}
