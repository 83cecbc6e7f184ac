package vn.complaintdesk.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.ProcessEngine;
import org.hamcrest.Matchers;
import org.springframework.test.web.servlet.MockMvc;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.notification.OutboxDispatcher;
import vn.complaintdesk.support.CustomerMails;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.TestSmtpServer;
import vn.complaintdesk.workflow.DeadlinePlanner;

/**
 * The support mailbox (GreenMail IMAP) read by the real poller: new mails open complaints that are
 * acknowledged by mail in the same thread, replies continue their complaint, and nothing is read
 * twice or blocks the mailbox.
 */
@DeskTest
class MailIntakeTest {

    private static final String CUSTOMER = "Trần Thị Mai <mai.tran@example.vn>";

    @Autowired MailboxPoller poller;
    @Autowired InboundMessages inbound;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired ProcessDriver driver;
    @Autowired ComplaintEventLog eventLog;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;
    @Autowired MockMvc mvc;
    @Autowired Clock clock;
    @Autowired DeadlinePlanner planner;
    @Autowired DeadlineRepository deadlines;

    @BeforeEach
    void emptyMailbox() throws Exception {
        poller.poll();
        AbstractAssertions.init(engine);
    }

    @Test
    void newMailBecomesAComplaintAndIsAcknowledgedInTheSameThread() throws Exception {
        MimeMessage mail = CustomerMails.plain(CUSTOMER, "Nạp tiền không vào tài khoản",
                "Chào anh chị,\nTôi nạp 500.000 đ hôm qua nhưng tài khoản chưa được cộng.\nMai");
        TestSmtpServer.deliverToDesk(mail);

        assertThat(poller.poll().handled()).isEqualTo(1);

        InboundMessages.Inbound received = inbound.find("email", mail.getMessageID()).orElseThrow();
        assertThat(received.outcome()).isEqualTo(InboundOutcome.OPENED_COMPLAINT);
        Complaint complaint = driver.complaint(received.reference());
        assertThat(complaint.channel()).isEqualTo(Channel.EMAIL);
        assertThat(complaint.subject()).isEqualTo("Nạp tiền không vào tài khoản");
        assertThat(complaint.description()).contains("chưa được cộng");
        assertThat(complaint.customer().name()).isEqualTo("Trần Thị Mai");
        assertThat(complaint.customer().email()).isEqualTo("mai.tran@example.vn");
        assertThat(complaint.customer().language()).isEqualTo("vi");

        driver.runJobs(complaint.reference());
        dispatcher.deliverDue();
        List<MimeMessage> answers = TestSmtpServer.about(complaint.reference());
        assertThat(answers).hasSize(1);
        MimeMessage acknowledgement = answers.get(0);
        assertThat(acknowledgement.getSubject()).startsWith("[" + complaint.reference() + "]");
        assertThat(acknowledgement.getHeader("In-Reply-To", null)).isEqualTo(mail.getMessageID());
        assertThat(acknowledgement.getReplyTo()[0].toString()).isEqualTo(TestSmtpServer.DESK_ADDRESS);
    }

    @Test
    void aMailThatArrivedWhileTheDeskWasStoppedIsReceivedWhenItArrived() throws Exception {
        // Arrived three days ago at the mailbox server; the desk reads it only now, after its restart.
        OffsetDateTime arrived = OffsetDateTime.now(clock).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
        MimeMessage mail = CustomerMails.plain("Hồ Thị Thu <thu.ho@example.vn>", "Thẻ bị trừ tiền hai lần",
                "Thẻ của tôi bị trừ 350.000 đ hai lần cho cùng một đơn hàng.");
        mail.setSentDate(Date.from(arrived.minusSeconds(40).toInstant()));
        mail.saveChanges();
        TestSmtpServer.deliverToDesk(mail, Date.from(arrived.toInstant()));

        assertThat(poller.poll().handled()).isEqualTo(1);

        Complaint complaint = driver.complaint(inbound.find("email", mail.getMessageID()).orElseThrow().reference());
        assertThat(complaint.receivedAt().toInstant()).isEqualTo(arrived.toInstant());
        DeadlinePlanner.Plan plan = planner.plan(arrived, 1, 24);
        assertThat(deadlines.find(complaint.id(), Deadline.REPLY).orElseThrow().dueAt().toInstant())
                .isEqualTo(plan.replyDueAt().toInstant());
        assertThat(deadlines.find(complaint.id(), Deadline.ACKNOWLEDGEMENT).orElseThrow().dueAt().toInstant())
                .isEqualTo(arrived.plusHours(1).toInstant());
        assertThat(eventLog.of(complaint.id())).filteredOn(e -> e.type().equals("RECEIVED")).singleElement()
                .satisfies(e -> {
                    assertThat(OffsetDateTime.parse(e.params().get("receivedAt")).toInstant()).isEqualTo(arrived.toInstant());
                    assertThat(e.params()).containsKey("recordedAt");
                });
    }

    @Test
    void replyToTheAcknowledgementLandsInTheSameComplaintWithItsAttachment() throws Exception {
        MimeMessage first = CustomerMails.plain(CUSTOMER, "Rút tiền bị treo", "Lệnh rút tiền của tôi treo 3 ngày.");
        TestSmtpServer.deliverToDesk(first);
        poller.poll();
        String ref = inbound.find("email", first.getMessageID()).orElseThrow().reference();
        driver.runJobs(ref);
        dispatcher.deliverDue();
        MimeMessage acknowledgement = TestSmtpServer.about(ref).get(0);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        MimeMessage reply = CustomerMails.withAttachment(CUSTOMER, "Re: " + acknowledgement.getSubject(),
                "Tôi gửi thêm ảnh chụp màn hình.\n\nOn Mon, Desk wrote:\n> Mã khiếu nại của Quý khách",
                acknowledgement.getMessageID(), "man-hinh.png", "image/png", png);
        TestSmtpServer.deliverToDesk(reply);
        assertThat(poller.poll().handled()).isEqualTo(1);

        InboundMessages.Inbound continued = inbound.find("email", reply.getMessageID()).orElseThrow();
        assertThat(continued.reference()).isEqualTo(ref);
        assertThat(continued.outcome()).isEqualTo(InboundOutcome.ADDED_TO_COMPLAINT);
        Complaint complaint = driver.complaint(ref);
        assertThat(eventLog.of(complaint.id())).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("CUSTOMER_MESSAGE");
            assertThat(e.detail()).contains("Tôi gửi thêm ảnh chụp màn hình.").doesNotContain("Mã khiếu nại của Quý khách");
        });
        assertThat(jdbc.sql("SELECT filename FROM attachment WHERE complaint_id = :id").param("id", complaint.id())
                .query(String.class).list()).containsExactly("man-hinh.png");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE customer_email = 'mai.tran@example.vn'"
                + " AND subject LIKE 'Re:%'").query(Long.class).single()).isZero();
    }

    @Test
    void replyToTheInformationRequestContinuesTheProcess() throws Exception {
        String ref = driver.submit(byMail("Thưởng khuyến mãi chưa về")).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent",
                Map.of("outcome", "NEED_INFO", "questionsForCustomer", "Xin cho biết mã giao dịch."));
        dispatcher.deliverDue();
        MimeMessage request = TestSmtpServer.about(ref).stream()
                .filter(m -> subject(m).contains("bổ sung thông tin")).findFirst().orElseThrow();

        MimeMessage reply = CustomerMails.plain(CustomerMails.newMessageId(), CUSTOMER, "Re: " + subject(request),
                "Mã giao dịch là GD-2026-7781.\n\nVào 23/11/2026, CSKH đã viết:\n> Xin cho biết mã giao dịch.",
                request.getMessageID());
        TestSmtpServer.deliverToDesk(reply);
        poller.poll();
        driver.runJobs(ref);

        assertThat(inbound.find("email", reply.getMessageID()).orElseThrow().outcome())
                .isEqualTo(InboundOutcome.INFO_PROVIDED);
        assertThat(driver.instance(ref)).hasPassed("ReceiveTask_WaitForCustomerInfo").isWaitingAt("AnalyzeComplaint");
        assertThat(jdbc.sql("SELECT information FROM info_request WHERE complaint_id = :id")
                .param("id", driver.complaint(ref).id()).query(String.class).single())
                .isEqualTo("Mã giao dịch là GD-2026-7781.");
    }

    @Test
    void clearRejectionByMailStartsTheSecondRound() throws Exception {
        String ref = repliedByMail();
        TestSmtpServer.deliverToDesk(CustomerMails.plain(CustomerMails.newMessageId(), CUSTOMER,
                "Re: [" + ref + "] Thư trả lời", "Tôi không đồng ý với cách giải quyết này vì chưa nhận được tiền.",
                letterMailId(ref)));
        poller.poll();
        driver.runJobs(ref);

        assertThat(driver.instance(ref)).hasPassed("Task_StartSecondRound").isWaitingAt("ReviewSecondRound");
    }

    @Test
    void unreadableAnswerBecomesAClassificationTaskAndTheAgentsRejectionCounts() throws Exception {
        String ref = repliedByMail();
        MimeMessage answer = CustomerMails.plain(CustomerMails.newMessageId(), CUSTOMER, "Re: [" + ref + "] Thư trả lời",
                "Để tôi hỏi lại kế toán bên tôi rồi báo lại anh chị sau nhé.", letterMailId(ref));
        TestSmtpServer.deliverToDesk(answer);
        poller.poll();

        assertThat(inbound.find("email", answer.getMessageID()).orElseThrow().outcome())
                .isEqualTo(InboundOutcome.TO_CLASSIFY);
        assertThat(driver.instance(ref)).isWaitingAt("ClassifyCustomerReply");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ref)
                .taskDefinitionKey("ClassifyCustomerReply").taskCandidateGroup("cs-agents").initializeFormKeys()
                .singleResult().getFormKey()).isEqualTo("/forms/ClassifyCustomerReply");

        driver.complete(ref, "ClassifyCustomerReply", "agent", Map.of("kind", "REJECT", "comment", "Khách muốn xem lại"));

        assertThat(driver.instance(ref)).hasPassed("Gateway_ReplyKind", "Task_StartSecondRound")
                .isWaitingAt("ReviewSecondRound");
        assertThat(inbound.find("email", answer.getMessageID()).orElseThrow().outcome())
                .isEqualTo(InboundOutcome.CLASSIFIED);
        assertThat(jdbc.sql("SELECT reason FROM customer_answer WHERE complaint_id = :id")
                .param("id", driver.complaint(ref).id()).query(String.class).single())
                .isEqualTo("Để tôi hỏi lại kế toán bên tôi rồi báo lại anh chị sau nhé.");
    }

    @Test
    void replyClassifiedAsInformationKeepsWaitingForTheAnswerUntilTheCustomerAccepts() throws Exception {
        String ref = repliedByMail();
        TestSmtpServer.deliverToDesk(CustomerMails.plain(CustomerMails.newMessageId(), CUSTOMER,
                "Re: [" + ref + "] Thư trả lời", "Số tài khoản của tôi là 0123456789.", letterMailId(ref)));
        poller.poll();
        driver.complete(ref, "ClassifyCustomerReply", "agent", Map.of("kind", "INFO"));
        assertThat(driver.instance(ref)).hasPassed("Gateway_ReplyKind").isWaitingAt("ReceiveTask_WaitForCustomerAnswer");
        assertThat(driver.hasTimer(ref, "Timer_DeemedAccepted")).isTrue();

        TestSmtpServer.deliverToDesk(CustomerMails.plain(CustomerMails.newMessageId(), CUSTOMER,
                "Re: [" + ref + "] Thư trả lời", "Cảm ơn, tôi đồng ý.", letterMailId(ref)));
        poller.poll();
        driver.runJobs(ref);

        assertThat(driver.instance(ref)).isWaitingAt("RecordLessonsLearned");
    }

    @Test
    void mailNamingTheComplaintOnlyInItsSubjectIsReadByAnAgentBeforeItClosesAnything() throws Exception {
        String ref = repliedByMail();
        // Anyone can write the customer's address into From: without answering one of our mails,
        // an acceptance is not taken at its word.
        MimeMessage unthreaded = CustomerMails.plain(CUSTOMER, "[" + ref + "] Trả lời", "Tôi đồng ý.");
        TestSmtpServer.deliverToDesk(unthreaded);
        poller.poll();

        assertThat(inbound.find("email", unthreaded.getMessageID()).orElseThrow().outcome())
                .isEqualTo(InboundOutcome.TO_CLASSIFY);
        assertThat(driver.instance(ref)).isWaitingAt("ClassifyCustomerReply");
    }

    @Test
    void ratingByReplyingToTheSurveyInvitationIsRecorded() throws Exception {
        String ref = driver.closed(Category.PROMOTION_TERMS);
        driver.fireTimer(ref, "Timer_SurveyDelay");
        dispatcher.deliverDue();
        String invitation = jdbc.sql("SELECT message_id FROM notification WHERE complaint_id = :id"
                + " AND type = 'SURVEY_INVITATION'").param("id", driver.complaint(ref).id()).query(String.class).single();

        MimeMessage rating = CustomerMails.plain(CustomerMails.newMessageId(), "Phạm Quốc Anh <anh.pham@example.vn>",
                "Re: [" + ref + "] Đánh giá", "5 - nhân viên giải thích rất rõ.", invitation);
        TestSmtpServer.deliverToDesk(rating);
        poller.poll();
        driver.runJobs(ref);

        assertThat(inbound.find("email", rating.getMessageID()).orElseThrow().outcome())
                .isEqualTo(InboundOutcome.SURVEY_ANSWERED);
        assertThat(jdbc.sql("SELECT rating FROM survey_result WHERE complaint_id = :id")
                .param("id", driver.complaint(ref).id()).query(Integer.class).single()).isEqualTo(5);
        assertThat(driver.instance(ref)).isNull();
    }

    @Test
    void theSameMailPolledTwiceMakesOneComplaint() throws Exception {
        MimeMessage mail = CustomerMails.plain(CUSTOMER, "Bị trừ phí hai lần", "Tháng này tôi bị trừ phí dịch vụ hai lần.");
        TestSmtpServer.deliverToDesk(mail);
        TestSmtpServer.deliverToDesk(mail);

        assertThat(poller.poll().handled()).isEqualTo(2);
        assertThat(poller.poll().handled()).as("handled mails are not read again").isZero();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE subject = 'Bị trừ phí hai lần'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void hugeMailIsSetAsideWithItsReasonAndTheMailboxGoesOn() throws Exception {
        MimeMessage huge = CustomerMails.withAttachment(CUSTOMER, "Video lỗi ứng dụng", "Video đính kèm.", null,
                "loi.mp4", "video/mp4", new byte[30 * 1024 * 1024]);
        MimeMessage normal = CustomerMails.plain(CUSTOMER, "Ứng dụng bị treo", "Ứng dụng treo khi đăng nhập.");
        TestSmtpServer.deliverToDesk(huge);
        TestSmtpServer.deliverToDesk(normal);

        MailboxPoller.Poll poll = poller.poll();

        assertThat(poll.setAside()).isEqualTo(1);
        assertThat(poll.handled()).isEqualTo(1);
        InboundMessages.Inbound setAside = inbound.find("email", huge.getMessageID()).orElseThrow();
        assertThat(setAside.outcome()).isEqualTo(InboundOutcome.SET_ASIDE);
        assertThat(setAside.error()).startsWith("too large: ").endsWith("at most 25 MB");
        assertThat(setAside.complaintId()).isNull();
        assertThat(inbound.find("email", normal.getMessageID()).orElseThrow().outcome())
                .isEqualTo(InboundOutcome.OPENED_COMPLAINT);
        assertThat(poller.poll().setAside()).as("set aside once, not again at each poll").isZero();
    }

    @Test
    void setAsideMailsAreListedWithTheirReasonForAgentsOnly() throws Exception {
        MimeMessage broken = CustomerMails.plain(CUSTOMER, "Lỗi <script>x</script>", "...");
        broken.removeHeader("From");
        TestSmtpServer.deliverToDesk(broken);
        poller.poll();

        mvc.perform(get("/inbox").param("outcome", "SET_ASIDE").with(user("agent").roles("cs-agents")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("no sender address (From)")))
                .andExpect(content().string(Matchers.containsString("Lỗi &lt;script&gt;x&lt;/script&gt;")));
        mvc.perform(get("/inbox").with(user("tech").roles("dept-technical"))).andExpect(status().isForbidden());
        mvc.perform(get("/inbox").param("outcome", "nonsense").param("page", "-3")
                .with(user("director").roles("cs-directors"))).andExpect(status().isOk());
    }

    @Test
    void replyAboutAMergedComplaintLandsInTheComplaintItWasMergedInto() throws Exception {
        String merged = driver.submit(byMail("Khuyến mãi tháng 11")).reference();
        String survivor = driver.submit(byMail("Khuyến mãi tháng 11 (gọi điện)")).reference();
        mvc.perform(post("/api/complaints/" + merged + "/merge-into/" + survivor)
                .with(user("agent").roles("cs-agents")).with(csrf())).andExpect(status().isNoContent());

        MimeMessage reply = CustomerMails.plain(CUSTOMER, "Re: [" + merged + "] Chúng tôi đã nhận được",
                "Tôi bổ sung: mã khuyến mãi là KM11.");
        TestSmtpServer.deliverToDesk(reply);
        poller.poll();

        InboundMessages.Inbound landed = inbound.find("email", reply.getMessageID()).orElseThrow();
        assertThat(landed.reference()).isEqualTo(survivor);
        assertThat(landed.outcome()).isEqualTo(InboundOutcome.ADDED_TO_COMPLAINT);
    }

    @Test
    void automaticReplyIsSetAsideNotTakenForAComplaint() throws Exception {
        MimeMessage auto = CustomerMails.plain(CUSTOMER, "Out of office", "I am away until Monday.");
        auto.setHeader("Auto-Submitted", "auto-replied");
        auto.saveChanges();
        TestSmtpServer.deliverToDesk(auto);

        assertThat(poller.poll().setAside()).isEqualTo(1);
        assertThat(inbound.find("email", auto.getMessageID()).orElseThrow().error()).startsWith("automatic message");
    }

    @Test
    void mailFromSomeoneElseNamingAComplaintIsKeptButChangesNothing() throws Exception {
        String ref = repliedByMail();
        MimeMessage foreign = CustomerMails.plain("Kẻ lạ <stranger@example.com>", "Re: [" + ref + "] Thư trả lời",
                "Tôi đồng ý.");
        TestSmtpServer.deliverToDesk(foreign);
        poller.poll();
        driver.runJobs(ref);

        assertThat(inbound.find("email", foreign.getMessageID()).orElseThrow().outcome())
                .isEqualTo(InboundOutcome.UNVERIFIED_SENDER);
        assertThat(driver.instance(ref)).isWaitingAt("ReceiveTask_WaitForCustomerAnswer");
    }

    private String repliedByMail() {
        String ref = driver.submit(byMail("Điều kiện khuyến mãi không rõ")).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "EXPLANATION", "replyText", "Chúng tôi giải thích điều kiện khuyến mãi."));
        assertThat(driver.instance(ref)).isWaitingAt("ReceiveTask_WaitForCustomerAnswer");
        dispatcher.deliverDue();
        return ref;
    }

    private String letterMailId(String ref) {
        return jdbc.sql("SELECT message_id FROM notification WHERE complaint_id = :id AND type = 'REPLY'")
                .param("id", driver.complaint(ref).id()).query(String.class).single();
    }

    private static ComplaintSubmission byMail(String subject) {
        return new ComplaintSubmission(Channel.EMAIL, null, Category.PROMOTION_TERMS, subject,
                "Tôi cần được giải thích.", java.time.LocalDate.now().minusDays(1), null,
                new ComplaintSubmission.CustomerData("Trần Thị Mai", "mai.tran@example.vn", null, null, null, "vi"));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
