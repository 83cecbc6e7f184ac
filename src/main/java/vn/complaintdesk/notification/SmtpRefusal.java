package vn.complaintdesk.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

/**
 * Tells a permanent refusal of a message (a 5xx reply for a recipient or for the message, an address
 * that is no address) from a passing failure (4xx, the server unreachable), which is worth retrying.
 * A refused sender (MAIL FROM) is our configuration, not this message's fault: retried.
 */
final class SmtpRefusal {

    private SmtpRefusal() {
    }

    /** The server's reason when the failure is permanent; empty when it may pass. */
    static Optional<String> permanent(Throwable failure) {
        Deque<Throwable> toVisit = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        toVisit.add(failure);
        while (!toVisit.isEmpty()) {
            Throwable next = toVisit.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof AddressException invalid) {
                return Optional.of("invalid address: " + invalid.getMessage());
            }
            if (next instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return Optional.of(refused.getMessage().strip());
            }
            if (next instanceof SMTPSendFailedException refused && !(next instanceof SMTPSenderFailedException)
                    && refused.getReturnCode() >= 500) {
                return Optional.of(refused.getMessage().strip());
            }
            if (next instanceof MailSendException send) {
                send.getFailedMessages().values().forEach(nested -> visit(toVisit, nested));
            }
            if (next instanceof MessagingException messaging) {
                visit(toVisit, messaging.getNextException());
            }
            visit(toVisit, next.getCause());
        }
        return Optional.empty();
    }

    private static void visit(Deque<Throwable> toVisit, Throwable failure) {
        if (failure != null) {
            toVisit.add(failure);
        }
    }
}
