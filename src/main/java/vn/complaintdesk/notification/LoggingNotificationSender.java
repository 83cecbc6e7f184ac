package vn.complaintdesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes every message to the log: the default until real channels (SMTP, SMS) are configured. */
@Component
public class LoggingNotificationSender implements NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Override
    public boolean supports(DeliveryChannel channel) {
        return true;
    }

    @Override
    public void send(OutgoingMessage message) {
        log.info("[{}] {} to {} via {}: {}", message.reference(), message.type(), message.recipient(),
                message.channel(), message.subject());
    }
}
