package vn.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.MailParts;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.TestSmtpServer;

/**
 * Customer mail through the real SMTP sender into GreenMail: every message type in the customer's
 * language with the tracking link, the letter PDF on REPLY and REFUSAL, one Message-ID per message
 * threaded on the first, and an SMTP outage that delays mail but loses and doubles none.
 */
@DeskTest
class CustomerMailTest {

    private static final Map<String, Map<String, String>> SUBJECTS = Map.of(
            "vi", Map.of(
                    "ACKNOWLEDGEMENT", "Chúng tôi đã nhận được khiếu nại của Quý khách",
                    "INTERIM_UPDATE", "Khiếu nại của Quý khách đang được xử lý",
                    "INFO_REQUEST", "Đề nghị Quý khách bổ sung thông tin",
                    "REMINDER", "Nhắc lại: chúng tôi vẫn chờ thông tin bổ sung",
                    "REPLY", "Thư trả lời khiếu nại của Quý khách",
                    "SURVEY_INVITATION", "Quý khách đánh giá việc giải quyết khiếu nại thế nào?",
                    "REFUSAL", "Khiếu nại của Quý khách không được thụ lý"),
            "en", Map.of(
                    "ACKNOWLEDGEMENT", "We have received your complaint",
                    "INTERIM_UPDATE", "We are working on your complaint",
                    "INFO_REQUEST", "We need some information from you",
                    "REMINDER", "Reminder: we still need some information",
                    "REPLY", "Our written reply to your complaint",
                    "SURVEY_INVITATION", "How did we handle your complaint?",
                    "REFUSAL", "Your complaint cannot be accepted"));
    private static final Map<String, String> BY_MAIL = Map.of(
            "vi", "Quý khách cũng có thể trả lời ngay thư này", "en", "You can also simply answer this mail");
    private static final Map<String, String> GREETING = Map.of(
            "vi", "Kính gửi Quý khách Phạm Quốc Anh,", "en", "Dear Phạm Quốc Anh,");

    @Autowired ProcessDriver driver;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired OutboxProperties properties;
    @Autowired Letters letters;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void smtpUpAndRealTime() {
        TestSmtpServer.start();
        ClockUtil.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void everyCustomerMessageArrivesInTheirLanguageWithTheTrackingLinkAndTheReplyWithItsPdf(String language)
            throws Exception {
        String ref = driver.submit(Complaints.submission(Category.TECHNICAL_ERROR, today().minusDays(2), language))
                .reference();
        driver.fireTimer(ref, "Timer_InterimUpdateDue");
        driver.complete(ref, "AnalyzeComplaint", "agent",
                Map.of("outcome", "NEED_INFO", "questionsForCustomer", "Mã giao dịch là gì?"));
        driver.fireTimer(ref, "Timer_InfoReminder");
        driver.customer(ref, "CustomerInfoProvided", Map.of("information", "Mã giao dịch GD-778"));
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Lỗi cổng thanh toán",
                "remedy", "EXPLANATION", "replyText", "Giao dịch của Quý khách đã được hoàn tất."));
        driver.complete(ref, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        driver.customer(ref, "CustomerAnswered", Map.of("accepts", true));
        driver.complete(ref, "RecordLessonsLearned", "agent", Map.of("lesson", "Theo dõi cổng", "trainingNeeded", false));
        driver.fireTimer(ref, "Timer_SurveyDelay");
        dispatcher.deliverDue();

        List<Notification> queued = outbox.of(driver.complaint(ref).id());
        assertThat(queued).extracting(Notification::type).containsExactly("ACKNOWLEDGEMENT", "INTERIM_UPDATE",
                "INFO_REQUEST", "REMINDER", "REPLY", "SURVEY_INVITATION");
        String link = trackingLink(ref);
        String acknowledgementId = queued.get(0).messageId();
        for (Notification notification : queued) {
            assertThat(notification.status()).as(notification.type()).isEqualTo("SENT");
            MimeMessage mail = arrivedOnce(notification);
            MailParts parts = MailParts.of(mail);
            assertThat(parts.subject()).as(notification.type())
                    .isEqualTo("[" + ref + "] " + SUBJECTS.get(language).get(notification.type()));
            assertThat(TestSmtpServer.header(mail, "Content-Language")).isEqualTo(language);
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("anh.pham@example.vn");
            assertThat(parts.text()).as(notification.type() + " text").contains(GREETING.get(language), link);
            assertThat(parts.html()).as(notification.type() + " html").contains(GREETING.get(language), link);
            String other = GREETING.get(language.equals("vi") ? "en" : "vi");
            assertThat(parts.text()).doesNotContain(other);
            if (notification.messageId().equals(acknowledgementId)) {
                assertThat(TestSmtpServer.header(mail, "In-Reply-To")).isNull();
            } else {
                assertThat(TestSmtpServer.header(mail, "In-Reply-To")).isEqualTo(acknowledgementId);
            }
            if (notification.type().equals("REPLY")) {
                assertCarriesLetter(parts, ref, "REPLY");
                assertThat(parts.text()).as("the desk reads its mailbox: answering the mail works")
                        .contains(BY_MAIL.get(language));
                assertThat(parts.html()).contains(BY_MAIL.get(language));
            } else {
                assertThat(parts.attachments()).as(notification.type()).isEmpty();
            }
        }
        assertThat(queued).extracting(Notification::messageId).doesNotHaveDuplicates();
        assertThat(MailParts.of(arrivedOnce(queued.get(2))).text()).contains("Mã giao dịch là gì?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vi", "en"})
    void aTimeBarredComplaintsRefusalArrivesWithItsPdfLetter(String language) throws Exception {
        String ref = driver.submit(Complaints.submission(Category.PAYMENT_DELAY, today().minusDays(45), language))
                .reference();
        dispatcher.deliverDue();

        List<Notification> queued = outbox.of(driver.complaint(ref).id());
        assertThat(queued).extracting(Notification::type).containsExactly("REFUSAL");
        MailParts parts = MailParts.of(arrivedOnce(queued.get(0)));
        assertThat(parts.subject()).isEqualTo("[" + ref + "] " + SUBJECTS.get(language).get("REFUSAL"));
        assertThat(parts.text()).contains(GREETING.get(language), trackingLink(ref), "30");
        assertThat(parts.html()).contains(trackingLink(ref));
        assertCarriesLetter(parts, ref, "REFUSAL");
    }

    @Test
    void aMeetingInvitationIsMailedWithItsOwnSubjectAndPdf() throws Exception {
        String ref = driver.submit(Complaints.submission(Category.PROMOTION_TERMS, today().minusDays(2), "en"))
                .reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "EXPLANATION", "replyText", "Chúng tôi giải thích điều kiện khuyến mãi."));
        driver.customer(ref, "CustomerAnswered", Map.of("accepts", false, "reason", "Tôi chưa đồng ý"));
        driver.complete(ref, "ReviewSecondRound", "director2", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "VOUCHER", "amount", 100000, "replyText", "Mời Quý khách gặp mặt.",
                "meetingAt", "2030-01-15T09:30"));
        driver.complete(ref, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        dispatcher.deliverDue();

        Notification invitation = outbox.of(driver.complaint(ref).id()).stream()
                .filter(n -> n.type().equals("REPLY")).reduce((first, second) -> second).orElseThrow();
        MailParts parts = MailParts.of(arrivedOnce(invitation));
        assertThat(parts.subject()).isEqualTo("[" + ref + "] Invitation to meet about your complaint");
        assertThat(parts.text()).contains("09:30, 15/01/2030");
        assertCarriesLetter(parts, ref, "MEETING_INVITATION");
    }

    @Test
    void staffAlertsAreRenderedInVietnameseButStayOnTheLoggingSender() {
        String ref = driver.submit(Category.DELIVERY).reference();
        driver.fireTimer(ref, "Timer_ReplyWarning");
        dispatcher.deliverDue();

        Notification alert = outbox.of(driver.complaint(ref).id()).stream()
                .filter(n -> n.type().equals("ESCALATION_ALERT")).findFirst().orElseThrow();
        assertThat(alert.channel()).isEqualTo("STAFF");
        assertThat(alert.status()).isEqualTo("SENT");
        assertThat(alert.subject()).isEqualTo("[" + ref + "] Cảnh báo: thời hạn trả lời bằng văn bản");
        Map<String, Object> row = jdbc.sql("SELECT body, body_html FROM notification WHERE id = :id")
                .param("id", alert.id()).query().singleRow();
        assertThat((String) row.get("body")).contains("Kính gửi nhóm cs-agents,",
                "http://localhost:8080/complaints/" + ref).doesNotContain("token=");
        assertThat((String) row.get("body_html")).contains("http://localhost:8080/complaints/" + ref);
        assertThat(TestSmtpServer.about(ref)).noneMatch(m -> alert.messageId().equals(messageId(m)));
    }

    @Test
    void whileSmtpIsDownMessagesWaitAndWhenItIsBackEachArrivesOnce() throws Exception {
        TestSmtpServer.stop();
        String ref = driver.replied(Category.PROMOTION_TERMS);
        dispatcher.deliverDue();
        List<Notification> waiting = outbox.of(driver.complaint(ref).id());
        assertThat(waiting).extracting(Notification::type).containsExactly("ACKNOWLEDGEMENT", "REPLY");
        assertThat(waiting).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo("PENDING");
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.lastError()).isNotBlank();
        });

        OffsetDateTime now = OffsetDateTime.now();
        now = later(now, 1);
        dispatcher.deliverDue();
        assertThat(outbox.of(driver.complaint(ref).id())).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo("PENDING");
            assertThat(n.attempts()).isEqualTo(2);
        });

        TestSmtpServer.start();
        dispatcher.deliverDue();
        assertThat(outbox.of(driver.complaint(ref).id())).as("nothing before its next attempt")
                .allSatisfy(n -> assertThat(n.status()).isEqualTo("PENDING"));
        later(now, 2);
        dispatcher.deliverDue();
        dispatcher.deliverDue();

        List<Notification> sent = outbox.of(driver.complaint(ref).id());
        assertThat(sent).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo("SENT");
            assertThat(n.attempts()).isEqualTo(3);
            assertThat(n.messageId()).isEqualTo(waiting.stream().filter(w -> w.id() == n.id()).findFirst()
                    .orElseThrow().messageId());
            assertThat(dispatcher.retry(n.id())).as("only FAILED messages are retried").isFalse();
        });
        assertThat(TestSmtpServer.about(ref)).hasSize(2);
        sent.forEach(this::arrivedOnce);
        assertCarriesLetter(MailParts.of(arrivedOnce(sent.get(1))), ref, "REPLY");
    }

    /** Moves the engine clock past the backoff after the given attempt. */
    private OffsetDateTime later(OffsetDateTime from, int attempt) {
        OffsetDateTime next = from.plus(properties.firstRetryDelay().multipliedBy(1L << attempt))
                .plus(Duration.ofSeconds(1));
        ClockUtil.setCurrentTime(Date.from(next.toInstant()));
        return next;
    }

    private void assertCarriesLetter(MailParts parts, String ref, String kind) throws Exception {
        Letters.Letter letter = letters.of(driver.complaint(ref).id()).stream().filter(l -> l.kind().equals(kind))
                .findFirst().orElseThrow();
        assertThat(parts.attachments()).singleElement().satisfies(file -> {
            assertThat(file.contentType()).startsWith("application/pdf");
            assertThat(file.name()).isEqualTo(ref + "-" + kind.toLowerCase().replace('_', '-') + "-" + letter.id()
                    + ".pdf");
            assertThat(new String(file.content(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.content())))
                    .as("the attachment is the stored letter").isEqualTo(letter.sha256());
        });
    }

    private MimeMessage arrivedOnce(Notification notification) {
        List<MimeMessage> matching = TestSmtpServer.received().stream()
                .filter(m -> notification.messageId().equals(messageId(m))).toList();
        assertThat(matching).as(notification.type() + " " + notification.messageId()).hasSize(1);
        return matching.get(0);
    }

    private static String messageId(MimeMessage mail) {
        return TestSmtpServer.header(mail, "Message-ID");
    }

    private String trackingLink(String ref) {
        return "http://localhost:8080/track/" + ref + "?token=" + driver.complaint(ref).trackingToken();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}
