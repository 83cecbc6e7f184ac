package vn.complaintdesk.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** A received mail taken apart: its plain-text and HTML bodies and its attachments. */
public record MailParts(String subject, String text, String html, List<File> attachments) {

    public record File(String name, String contentType, byte[] content) {
    }

    public static MailParts of(MimeMessage message) {
        try {
            List<Part> leaves = new ArrayList<>();
            collect(message, leaves);
            String text = null;
            String html = null;
            List<File> files = new ArrayList<>();
            for (Part part : leaves) {
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                    files.add(new File(part.getFileName(), part.getContentType(),
                            part.getInputStream().readAllBytes()));
                } else if (part.isMimeType("text/plain") && text == null) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html") && html == null) {
                    html = (String) part.getContent();
                }
            }
            return new MailParts(message.getSubject(), text, html, files);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, List<Part> leaves) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves);
            }
        } else {
            leaves.add(part);
        }
    }
}
