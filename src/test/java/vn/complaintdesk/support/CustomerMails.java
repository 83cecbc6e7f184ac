package vn.complaintdesk.support;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** Mails as a customer's mail program writes them, for the support mailbox of the tests. */
public final class CustomerMails {

    private CustomerMails() {
    }

    /** A mail whose Message-ID stays what it was given (saveChanges would replace it). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(String id) {
            super(Session.getInstance(new Properties()));
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    public static String newMessageId() {
        return "<" + UUID.randomUUID() + "@mail.example.vn>";
    }

    public static MimeMessage plain(String from, String subject, String text) {
        return plain(newMessageId(), from, subject, text, null);
    }

    /** A reply: {@code inReplyTo} goes into In-Reply-To and References. */
    public static MimeMessage plain(String messageId, String from, String subject, String text, String inReplyTo) {
        try {
            MimeMessage mail = new FixedIdMessage(messageId);
            mail.setFrom(new InternetAddress(from));
            mail.setRecipients(MimeMessage.RecipientType.TO, TestSmtpServer.DESK_ADDRESS);
            mail.setSubject(subject, StandardCharsets.UTF_8.name());
            mail.setText(text, StandardCharsets.UTF_8.name());
            if (inReplyTo != null) {
                mail.setHeader("In-Reply-To", inReplyTo);
                mail.setHeader("References", inReplyTo);
            }
            mail.setSentDate(new java.util.Date());
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail with a text part and one attached file. */
    public static MimeMessage withAttachment(String from, String subject, String text, String inReplyTo,
            String fileName, String contentType, byte[] content) {
        try {
            MimeMessage mail = new FixedIdMessage(newMessageId());
            mail.setFrom(new InternetAddress(from));
            mail.setRecipients(MimeMessage.RecipientType.TO, TestSmtpServer.DESK_ADDRESS);
            mail.setSubject(subject, StandardCharsets.UTF_8.name());
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, StandardCharsets.UTF_8.name());
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
            file.setFileName(fileName);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mail.setContent(new MimeMultipart(body, file));
            if (inReplyTo != null) {
                mail.setHeader("In-Reply-To", inReplyTo);
            }
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
