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
    public static final List<OutgoingMessage> DELIVERED = new CopyOnWriteArrayList<>();

    @Override
    public boolean supports(DeliveryChannel channel) {
        return active && channel == DeliveryChannel.EMAIL;
    }

    @Override
    public void send(OutgoingMessage message) {
        if (failing) {
            throw new IllegalStateException("SMTP server not reachable");
        }
        DELIVERED.add(message);
    }
}
