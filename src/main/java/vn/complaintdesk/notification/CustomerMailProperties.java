package vn.complaintdesk.notification;

import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.mail.*}: the sender address of customer mail (the SMTP server itself is
 * {@code spring.mail.*}) and, optionally, the support mailbox customers' replies go to (its
 * {@code Reply-To}; the mailbox that {@code complaints.mail-intake} polls). The domain of {@code from}
 * ends every Message-ID we generate.
 */
@ConfigurationProperties("complaints.mail")
public record CustomerMailProperties(String from, String replyTo) {

    public CustomerMailProperties {
        from = from == null || from.isBlank() ? "no-reply@complaintdesk.local" : from.trim();
        replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo.trim();
    }

    /**
     * A new Message-ID, {@code <random.KN-2026-000042@domain>}: unique, and the reference shows whose
     * message it is.
     */
    public String newMessageId(String reference) {
        return "<" + UUID.randomUUID() + "." + reference + "@" + domain() + ">";
    }

    /** The part after the @, for Message-IDs ({@code <…@domain>}). */
    public String domain() {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? from : from.substring(at + 1);
        return domain.replaceAll("[^A-Za-z0-9.-]", "");
    }
}
