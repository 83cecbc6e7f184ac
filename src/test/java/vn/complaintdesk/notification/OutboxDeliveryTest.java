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
    @Autowired FailedNotifications failed;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
    void aPassingFailureIsRetriedWithACappedBackoffForADayThenFailedAndAnAdministratorRetries() {
        ControllableEmailSender.failing = true;
        String ref = driver.submit(Category.DELIVERY).reference();
        OffsetDateTime queued = OffsetDateTime.now();
        OffsetDateTime now = queued;
        int attempts = 0;
        while (notifications(ref).get(0).status().equals("PENDING") && attempts < 200) {
            dispatcher.deliverDue();
            attempts++;
            Notification after = notifications(ref).get(0);
            assertThat(after.attempts()).isEqualTo(attempts);
            assertThat(after.lastError()).contains("SMTP server not reachable");
            // the next attempt waits longer each time, never longer than the cap: jump past it
            Duration wait = properties.firstRetryDelay().multipliedBy(1L << Math.min(attempts, 16));
            now = now.plus(wait.compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay() : wait)
                    .plus(Duration.ofSeconds(1));
            ClockUtil.setCurrentTime(Date.from(now.toInstant()));
        }
        assertThat(notifications(ref).get(0).status()).isEqualTo("FAILED");
        assertThat(now).as("given up only after retrying for a day").isAfter(queued.plus(properties.retryFor()));
        assertThat(attempts).as("backoff capped at " + properties.maxRetryDelay()).isGreaterThan(40);
        dispatcher.deliverDue();
        assertThat(notifications(ref).get(0).attempts()).isEqualTo(attempts);

        ControllableEmailSender.failing = false;
        assertThat(dispatcher.retry(notifications(ref).get(0).id())).isTrue();
        dispatcher.deliverDue();
        assertThat(notifications(ref).get(0).status()).isEqualTo("SENT");
        assertThat(ControllableEmailSender.DELIVERED).filteredOn(m -> m.reference().equals(ref)).hasSize(1);
    }

    @Test
    void aTwoHourOutageFailsNothingAndEverythingGoesOutAfter() {
        ControllableEmailSender.failing = true;
        String ref = driver.submit(Category.DELIVERY).reference();
        OffsetDateTime now = OffsetDateTime.now();
        for (OffsetDateTime end = now.plusHours(2); now.isBefore(end); now = now.plusMinutes(5)) {
            ClockUtil.setCurrentTime(Date.from(now.toInstant()));
            dispatcher.deliverDue();
            assertThat(notifications(ref).get(0).status()).isEqualTo("PENDING");
        }
        ControllableEmailSender.failing = false;
        ClockUtil.setCurrentTime(Date.from(now.plus(properties.maxRetryDelay()).toInstant()));
        dispatcher.deliverDue();
        assertThat(notifications(ref).get(0).status()).isEqualTo("SENT");
    }

    @Test
    void aRecipientTheServerRefusesFailsAtOnceWithTheServersReasonInTheLogBook() {
        ControllableEmailSender.REFUSED.add("anh.pham@example.vn");
        try {
            String ref = driver.submit(Category.DELIVERY).reference();
            dispatcher.deliverDue();
            Notification refused = notifications(ref).get(0);
            assertThat(refused.status()).isEqualTo("FAILED");
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.lastError()).startsWith("550 5.1.1").contains("User unknown");
            assertThat(failed.list(100)).anySatisfy(f -> {
                assertThat(f.reference()).isEqualTo(ref);
                assertThat(f.lastError()).contains("Recipient address rejected");
            });
            assertThat(jdbc.sql("SELECT detail FROM complaint_event WHERE complaint_id = :id AND event_type = 'NOTIFICATION_FAILED'")
                    .param("id", driver.complaint(ref).id()).query(String.class).list())
                    .singleElement().asString().contains("anh.pham@example.vn").contains("550 5.1.1");
        } finally {
            ControllableEmailSender.REFUSED.clear();
        }
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
