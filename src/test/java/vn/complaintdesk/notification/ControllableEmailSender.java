package vn.complaintdesk.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Test stand-in for an external e-mail gateway (not one of our parts): when switched on it takes
 * e-mail before the logging sender, records what it delivered, and can be made to fail.
 */
@Component
@Order(0)
public class ControllableEmailSender implements NotificationSender {

    public static volatile boolean active;
    public static volatile boolean failing;
    /** Recipients the gateway refuses for good, as an SMTP server answering 550 to RCPT TO does. */
    public static final java.util.Set<String> REFUSED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    public static final List<OutgoingMessage> DELIVERED = new CopyOnWriteArrayList<>();

    @Override
    public boolean supports(DeliveryChannel channel) {
        return active && channel == DeliveryChannel.EMAIL;
    }

    @Override
    public void send(OutgoingMessage message) throws jakarta.mail.MessagingException {
        if (REFUSED.contains(message.recipient())) {
            jakarta.mail.internet.InternetAddress recipient = new jakarta.mail.internet.InternetAddress(message.recipient());
            throw new jakarta.mail.SendFailedException("Invalid Addresses",
                    new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(recipient, "RCPT TO", 550,
                            "550 5.1.1 <" + message.recipient() + ">: Recipient address rejected: User unknown"),
                    new jakarta.mail.Address[0], new jakarta.mail.Address[0], new jakarta.mail.Address[] {recipient});
        }
        if (failing) {
            throw new IllegalStateException("SMTP server not reachable");
        }
        DELIVERED.add(message);
    }
}
