package vn.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

@DeskTest
class OutboxDeliveryTest {

    @Autowired ProcessDriver driver;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired OutboxProperties properties;

    @BeforeEach
    void takeOverEmail() {
        ControllableEmailSender.DELIVERED.clear();
        ControllableEmailSender.failing = false;
        ControllableEmailSender.active = true;
    }

    @AfterEach
    void releaseEmail() {
        ControllableEmailSender.active = false;
        ControllableEmailSender.failing = false;
        ClockUtil.reset();
    }

    @Test
    void acknowledgementIsDeliveredOnceAfterCommit() {
        String ref = driver.submit(Category.DELIVERY).reference();
        dispatcher.deliverDue();
        dispatcher.deliverDue();
        List<Notification> sent = notifications(ref);
        assertThat(sent).extracting(Notification::status).containsExactly("SENT");
        assertThat(ControllableEmailSender.DELIVERED).filteredOn(m -> m.reference().equals(ref))
                .singleElement().satisfies(m -> {
                    assertThat(m.type()).isEqualTo(NotificationType.ACKNOWLEDGEMENT);
                    assertThat(m.subject()).contains(ref);
                    assertThat(m.body()).contains("Phạm Quốc Anh");
                    assertThat(m.htmlBody()).contains("Phạm Quốc Anh");
                    assertThat(m.messageId()).isEqualTo(sent.get(0).messageId()).endsWith(">");
                });
    }

    @Test
    void failingDeliveryBacksOffThenMarksFailedAndAnAdministratorRetries() {
        ControllableEmailSender.failing = true;
        String ref = driver.submit(Category.DELIVERY).reference();
        OffsetDateTime now = OffsetDateTime.now();
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            dispatcher.deliverDue();
            Notification after = notifications(ref).get(0);
            assertThat(after.attempts()).isEqualTo(attempt);
            assertThat(after.lastError()).contains("SMTP server not reachable");
            // the next attempt waits longer each time: jump past it
            now = now.plus(properties.firstRetryDelay().multipliedBy(1L << Math.min(attempt, 16)))
                    .plus(Duration.ofSeconds(1));
            ClockUtil.setCurrentTime(Date.from(now.toInstant()));
        }
        assertThat(notifications(ref).get(0).status()).isEqualTo("FAILED");
        dispatcher.deliverDue();
        assertThat(notifications(ref).get(0).attempts()).isEqualTo(properties.maxAttempts());

        ControllableEmailSender.failing = false;
        assertThat(dispatcher.retry(notifications(ref).get(0).id())).isTrue();
        dispatcher.deliverDue();
        assertThat(notifications(ref).get(0).status()).isEqualTo("SENT");
        assertThat(ControllableEmailSender.DELIVERED).filteredOn(m -> m.reference().equals(ref)).hasSize(1);
    }

    @Test
    void aRetriedStepQueuesNoSecondMessage() {
        String ref = driver.submit(Category.DELIVERY).reference();
        var complaint = driver.complaint(ref);
        assertThat(outbox.toCustomer(complaint, NotificationType.ACKNOWLEDGEMENT, null,
                Map.of("replyDue", OffsetDateTime.now()))).isFalse();
        assertThat(notifications(ref)).hasSize(1);
    }

    private List<Notification> notifications(String ref) {
        return outbox.of(driver.complaint(ref).id());
    }
}
