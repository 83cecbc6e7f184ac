package vn.complaintdesk.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Customer e-mail through the SMTP server of {@code spring.mail.*} (host, port, username, password,
 * TLS in {@code spring.mail.properties}). Active only when {@code spring.mail.host} is set; without it
 * the {@link LoggingNotificationSender} takes e-mail too.
 *
 * <p>Each mail has a plain-text and an HTML part (multipart/alternative), the letter PDF as
 * attachment where there is one, the Message-ID fixed in the outbox row (the same on every attempt),
 * and In-Reply-To/References to the first mail about the complaint so mail programs thread them.
 * Staff alerts are not e-mail: there is no staff mailbox yet, so they stay on the logging sender.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
public class EmailNotificationSender implements NotificationSender {

    private final JavaMailSender mailSender;
    private final CustomerMailProperties properties;
    private final MessageSource messages;

    public EmailNotificationSender(JavaMailSender mailSender, CustomerMailProperties properties,
            MessageSource messages) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public boolean supports(DeliveryChannel channel) {
        return channel == DeliveryChannel.EMAIL;
    }

    @Override
    public void send(OutgoingMessage message) throws MessagingException, UnsupportedEncodingException {
        mailSender.send(toMime(message));
    }

    MimeMessage toMime(OutgoingMessage message) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = mailSender.createMimeMessage();
        boolean multipart = message.htmlBody() != null || !message.attachments().isEmpty();
        MimeMessageHelper mail = new MimeMessageHelper(mime, multipart, StandardCharsets.UTF_8.name());
        Locale locale = Locale.forLanguageTag(message.language() == null ? "vi" : message.language());
        mail.setFrom(new InternetAddress(properties.from(),
                messages.getMessage("mail.from.name", null, "", locale), StandardCharsets.UTF_8.name()));
        mail.setTo(message.recipient());
        if (properties.replyTo() != null) {
            mail.setReplyTo(properties.replyTo());
        }
        mail.setSubject(message.subject());
        if (message.htmlBody() != null) {
            mail.setText(message.body(), message.htmlBody());
        } else {
            mail.setText(message.body());
        }
        for (Attachment attachment : message.attachments()) {
            mail.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        // JavaMailSenderImpl keeps a Message-ID that is set before sending.
        if (message.messageId() != null) {
            mime.setHeader("Message-ID", message.messageId());
        }
        if (message.threadRootId() != null) {
            mime.setHeader("In-Reply-To", message.threadRootId());
            mime.setHeader("References", message.threadRootId());
        }
        mime.setHeader("Content-Language", locale.getLanguage());
        // RFC 3834: sent by a machine, so auto-responders do not answer it.
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Complaint-Reference", message.reference());
        return mime;
    }
}
