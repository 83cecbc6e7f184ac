package vn.complaintdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.notification.Notification;
import vn.complaintdesk.notification.Outbox;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.InvalidFieldsException;

/** One test per path of the procedure, through the real application on the real engine. */
@DeskTest
class ComplaintHandlingPathsTest {

    private static final Map<String, Object> EXPLANATION = Map.of("rootCause", "Khách chưa đọc điều kiện",
            "remedy", "EXPLANATION", "replyText", "Tiền thưởng được cộng sau khi hoàn tất vòng cược.");
    private static final Map<String, Object> REFUND = Map.of("rootCause", "Lỗi cổng thanh toán",
            "remedy", "REFUND", "amount", 250000, "replyText", "Chúng tôi hoàn lại 250.000 VND.");
    private static final Map<String, Object> LESSON = Map.of("lesson", "Ghi rõ điều kiện", "trainingNeeded", true);

    @Autowired ProcessEngine engine;
    @Autowired ProcessDriver driver;
    @Autowired IntakeService intake;
    @Autowired Outbox outbox;
    @Autowired Letters letters;
    @Autowired DeadlineRepository deadlines;
    @Autowired HandlingRecords records;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void useSpringEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void firstContactExplanationNeedsNoApprovalAndTheAcceptedReplyCloses() {
        IntakeAnswer answer = driver.submit(Category.PROMOTION_TERMS);
        String ref = answer.reference();
        ProcessInstance instance = driver.instance(ref);
        assertThat(instance).isWaitingAt("AnalyzeComplaint");
        assertThat(status(ref)).isEqualTo(ComplaintStatus.IN_ANALYSIS);

        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        assertThat(status(ref)).isEqualTo(ComplaintStatus.IN_RESOLUTION);
        driver.complete(ref, "ProposeResolution", "agent", EXPLANATION);

        assertThat(instance).hasPassed("Task_DetermineApprover", "Task_SendReplyLetter")
                .hasNotPassed("ApproveResolution").isWaitingAt("ReceiveTask_WaitForCustomerAnswer");
        assertThat(status(ref)).isEqualTo(ComplaintStatus.REPLIED);
        assertThat(letterKinds(ref)).containsExactly("REPLY");
        assertThat(deadline(ref, Deadline.REPLY).met()).isTrue();

        driver.customer(ref, "CustomerAnswered", Map.of("accepts", true));
        assertThat(instance).isWaitingAt("RecordLessonsLearned");
        assertThat(status(ref)).isEqualTo(ComplaintStatus.CLOSING);
        assertThat(deadline(ref, Deadline.RESOLUTION).met()).isTrue();

        driver.complete(ref, "RecordLessonsLearned", "agent", LESSON);
        assertThat(status(ref)).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(driver.complaint(ref).trackingExpiresAt()).isAfter(OffsetDateTime.now().plusDays(89));
        assertThat(instance).isWaitingAt("Timer_SurveyDelay");
        assertThat(driver.hasTimer(ref, "Timer_ReplyBreach")).as("SLA timers end with handling").isFalse();
    }

    @Test
    void surveyOfFiveClosesWithoutRecovery() {
        String ref = driver.closed(Category.SERVICE_QUALITY);
        driver.fireTimer(ref, "Timer_SurveyDelay");
        assertThat(notificationTypes(ref)).contains("SURVEY_INVITATION");
        driver.customer(ref, "SurveyAnswered", Map.of("rating", 5, "comment", "Rất tốt"));
        assertThat(driver.instance(ref)).isNull();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_ComplaintClosed")
                .processInstanceId(historicId(ref)).count()).isOne();
    }

    @Test
    void surveyOfTwoOpensARecoveryTaskForTheDirector() {
        String ref = driver.closed(Category.DELIVERY);
        driver.fireTimer(ref, "Timer_SurveyDelay");
        driver.customer(ref, "SurveyAnswered", Map.of("rating", 2, "comment", "Chậm quá"));
        assertThat(driver.instance(ref)).isWaitingAt("RecoverDissatisfiedCustomer");
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(driver.instance(ref)))
                .hasCandidateGroup("cs-directors");
        driver.complete(ref, "RecoverDissatisfiedCustomer", "director", Map.of("action", "Gọi điện xin lỗi, tặng voucher"));
        assertThat(driver.instance(ref)).isNull();
    }

    @Test
    void unansweredSurveyEndsAfterFourteenDays() {
        String ref = driver.closed(Category.OTHER);
        driver.fireTimer(ref, "Timer_SurveyDelay");
        driver.fireTimer(ref, "Timer_SurveyExpired");
        assertThat(driver.instance(ref)).isNull();
        assertThat(status(ref)).isEqualTo(ComplaintStatus.CLOSED);
    }

    @Test
    void informationRequestedAndProvidedMovesTheResolutionDeadlineByTheWorkingDaysWaited() {
        String ref = driver.submit(Category.TECHNICAL_ERROR).reference();
        OffsetDateTime resolutionBefore = deadline(ref, Deadline.RESOLUTION).dueAt();
        driver.complete(ref, "AnalyzeComplaint", "agent",
                Map.of("outcome", "NEED_INFO", "questionsForCustomer", "Mã giao dịch là gì?"));
        assertThat(driver.instance(ref)).isWaitingAt("ReceiveTask_WaitForCustomerInfo");
        assertThat(status(ref)).isEqualTo(ComplaintStatus.WAITING_FOR_CUSTOMER);
        assertThat(notificationTypes(ref)).contains("INFO_REQUEST");

        // The customer answers three calendar weeks later: 15 working days of waiting (no holiday here
        // falls in the three weeks after any date of this test run, or the count says so).
        OffsetDateTime requestedAt = records.latestInfoRequest(driver.complaint(ref).id()).orElseThrow().requestedAt();
        OffsetDateTime answeredAt = requestedAt.plusWeeks(3);
        ClockUtil.setCurrentTime(Date.from(answeredAt.toInstant()));
        int waited = new WorkingDayCalendar(java.time.ZoneId.of("Asia/Ho_Chi_Minh"), holidays())
                .workingDaysBetween(requestedAt, answeredAt);
        driver.customer(ref, "CustomerInfoProvided", Map.of("information", "Mã giao dịch GD-778"));

        assertThat(driver.instance(ref)).isWaitingAt("AnalyzeComplaint");
        OffsetDateTime resolutionAfter = deadline(ref, Deadline.RESOLUTION).dueAt();
        assertThat(resolutionAfter).isEqualTo(calendar().addWorkingDays(resolutionBefore, waited));
        assertThat(driver.timer(ref, "Timer_ResolutionBreach").getDuedate().toInstant())
                .isEqualTo(resolutionAfter.toInstant());
        assertThat(status(ref)).isEqualTo(ComplaintStatus.IN_ANALYSIS);
    }

    @Test
    void silenceAfterAnInformationRequestIsRemindedAndThenClosedAsWithdrawn() {
        String ref = driver.submit(Category.BILLING).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent",
                Map.of("outcome", "NEED_INFO", "questionsForCustomer", "Số hóa đơn?"));
        driver.fireTimer(ref, "Timer_InfoReminder");
        assertThat(notificationTypes(ref)).contains("INFO_REQUEST", "REMINDER");
        assertThat(driver.instance(ref)).isWaitingAt("ReceiveTask_WaitForCustomerInfo");

        driver.fireTimer(ref, "Timer_InfoLimit");
        assertThat(driver.instance(ref)).isNull();
        assertThat(status(ref)).isEqualTo(ComplaintStatus.WITHDRAWN);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(historicId(ref)).activityId("EndEvent_ComplaintWithdrawn").count()).isOne();
    }

    @Test
    void investigationInTwoDepartmentsRunsInParallelAndMoneyNeedsTheDirector() {
        String ref = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent",
                Map.of("outcome", "INVESTIGATE", "departments", List.of("TECHNICAL", "FINANCE")));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ref)
                .taskDefinitionKey("InvestigateInDepartment").count()).isEqualTo(2);
        assertThat(status(ref)).isEqualTo(ComplaintStatus.INVESTIGATING);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ref)
                .taskCandidateGroup("dept-technical").count()).isOne();

        completeInvestigation(ref, "tech", "dept-technical", "Cổng thanh toán lỗi lúc 10:02");
        assertThat(driver.instance(ref)).isWaitingAt("InvestigateInDepartment");
        completeInvestigation(ref, "finance", "dept-finance", "Giao dịch treo, chưa hoàn");
        assertThat(driver.instance(ref)).isWaitingAt("ProposeResolution");

        driver.complete(ref, "ProposeResolution", "agent", REFUND);
        assertThat(driver.instance(ref)).isWaitingAt("ApproveResolution");
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(driver.instance(ref)))
                .hasCandidateGroup("cs-directors");
        driver.complete(ref, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        assertThat(driver.instance(ref)).isWaitingAt("ReceiveTask_WaitForCustomerAnswer");
        assertThat(letterKinds(ref)).containsExactly("REPLY");
    }

    @Test
    void rejectedProposalReturnsToAgentWithCommentThenIsApproved() {
        String ref = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", REFUND);
        assertThatThrownBy(() -> driver.complete(ref, "ApproveResolution", "director", Map.of("decision", "REJECT")))
                .isInstanceOf(InvalidFieldsException.class);
        driver.complete(ref, "ApproveResolution", "director",
                Map.of("decision", "REJECT", "comment", "Cần đối soát số tiền với ngân hàng"));

        assertThat(driver.instance(ref)).isWaitingAt("ProposeResolution");
        assertThat(records.latestApproval(driver.complaint(ref).id()).orElseThrow().comment())
                .isEqualTo("Cần đối soát số tiền với ngân hàng");
        driver.complete(ref, "ProposeResolution", "agent", REFUND);
        driver.complete(ref, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        assertThat(driver.instance(ref)).isWaitingAt("ReceiveTask_WaitForCustomerAnswer");
    }

    @Test
    void aRejectedRefundReworkedIntoAnExplanationStillGoesBackToTheDirector() {
        String ref = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", REFUND);
        driver.complete(ref, "ApproveResolution", "director", Map.of("decision", "REJECT", "comment", "Không hoàn tiền"));
        driver.complete(ref, "ProposeResolution", "agent", EXPLANATION);
        assertThat(driver.instance(ref)).isWaitingAt("ApproveResolution");
    }

    @Test
    void moreInvestigationSendsTheComplaintBackToAnalysis() {
        String ref = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(ref, "ProposeResolution", "agent", REFUND);
        driver.complete(ref, "ApproveResolution", "director",
                Map.of("decision", "MORE_INVESTIGATION", "comment", "Hỏi bộ phận tài chính"));
        assertThat(driver.instance(ref)).isWaitingAt("AnalyzeComplaint");
        assertThat(status(ref)).isEqualTo(ComplaintStatus.IN_ANALYSIS);
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE", "departments", "FINANCE"));
        completeInvestigation(ref, "finance", "dept-finance", "Đã hoàn tiền thủ công");
        assertThat(driver.instance(ref)).isWaitingAt("ProposeResolution");
    }

    @Test
    void explanationAfterAnInvestigationStillNeedsTheDirector() {
        String ref = driver.submit(Category.TECHNICAL_ERROR).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE", "departments", "TECHNICAL"));
        completeInvestigation(ref, "tech", "dept-technical", "Không có lỗi hệ thống");
        driver.complete(ref, "ProposeResolution", "agent", EXPLANATION);
        assertThat(driver.instance(ref)).isWaitingAt("ApproveResolution");
    }

    @Test
    void silenceAfterTheLetterCountsAsAcceptance() {
        String ref = driver.replied(Category.PROMOTION_TERMS);
        driver.fireTimer(ref, "Timer_DeemedAccepted");
        assertThat(driver.instance(ref)).isWaitingAt("RecordLessonsLearned")
                .hasPassed("Task_RecordDeemedAcceptance");
        assertThat(jdbc.sql("SELECT deemed FROM customer_answer WHERE complaint_id = :id")
                .param("id", driver.complaint(ref).id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void rejectedReplyOpensASecondRoundWithItsOwnApprovalAndTheCustomerAccepts() {
        String ref = driver.replied(Category.PROMOTION_TERMS);
        assertThatThrownBy(() -> driver.customer(ref, "CustomerAnswered", Map.of("accepts", false)))
                .isInstanceOf(InvalidFieldsException.class);
        driver.customer(ref, "CustomerAnswered", Map.of("accepts", false, "reason", "Tôi vẫn chưa nhận được thưởng"));

        assertThat(driver.instance(ref)).isWaitingAt("ReviewSecondRound");
        assertThat(status(ref)).isEqualTo(ComplaintStatus.SECOND_ROUND);
        driver.complete(ref, "ReviewSecondRound", "director2", EXPLANATION);
        assertThat(driver.instance(ref)).isWaitingAt("ApproveResolution");
        driver.complete(ref, "ApproveResolution", "director",
                Map.of("decision", "REJECT", "comment", "Nên mời khách gặp trực tiếp"));
        assertThat(driver.instance(ref)).isWaitingAt("ReviewSecondRound");
        driver.complete(ref, "ReviewSecondRound", "director2", Map.of("rootCause", "Điều kiện chưa rõ",
                "remedy", "VOUCHER", "amount", 100000, "replyText", "Mời quý khách gặp mặt.",
                "meetingAt", "2030-01-15T09:30"));
        driver.complete(ref, "ApproveResolution", "director", Map.of("decision", "APPROVE"));

        assertThat(letterKinds(ref)).containsExactly("REPLY", "MEETING_INVITATION");
        assertThat(status(ref)).isEqualTo(ComplaintStatus.SECOND_ROUND);
        driver.customer(ref, "CustomerAnswered", Map.of("accepts", true));
        assertThat(driver.instance(ref)).isWaitingAt("RecordLessonsLearned");
    }

    @Test
    void rejectingTwiceEscalatesExternallyUntilTheOutcomeIsRecorded() {
        String ref = driver.replied(Category.SERVICE_QUALITY);
        driver.customer(ref, "CustomerAnswered", Map.of("accepts", false, "reason", "Không đồng ý"));
        driver.complete(ref, "ReviewSecondRound", "director2", EXPLANATION);
        driver.complete(ref, "ApproveResolution", "director", Map.of("decision", "APPROVE"));
        assertThat(letterKinds(ref)).containsExactly("REPLY", "SECOND_REPLY");
        driver.customer(ref, "CustomerAnswered", Map.of("accepts", false, "reason", "Tôi sẽ khiếu nại lên Sở Công Thương"));

        assertThat(driver.instance(ref)).isWaitingAt("CallActivity_ExternalEscalation");
        assertThat(status(ref)).isEqualTo(ComplaintStatus.ESCALATED_EXTERNALLY);
        driver.complete(ref, "HandleExternalEscalation", "legal",
                Map.of("route", "REGULATOR", "caseReference", "SCT-HN-2026-118", "filedAt", "2026-11-20"));
        driver.complete(ref, "RecordEscalationOutcome", "legal",
                Map.of("outcome", "COMPANY_UPHELD", "summary", "Sở Công Thương xác nhận đúng điều lệ"));
        assertThat(driver.instance(ref)).isWaitingAt("RecordLessonsLearned");
    }

    @Test
    void eventsNothingWaitsForAreRefused() {
        String ref = driver.submit(Category.OTHER).reference();
        assertThatThrownBy(() -> driver.customer(ref, "CustomerAnswered", Map.of("accepts", true)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> driver.customer(ref, "SurveyAnswered", Map.of("rating", 5)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void acknowledgementNotSentWithinTheHourAlertsTheDirector() {
        IntakeAnswer answer = intake.submit(Complaints.promotionQuestion(LocalDate.now().minusDays(1)), null, null);
        String ref = answer.reference();
        driver.fireTimerThenRun(ref, "Timer_AcknowledgementOverdue", "Task_AlertAcknowledgementOverdue");
        assertThat(alerts(ref)).extracting(Notification::recipient).containsExactly("cs-directors");
        driver.runJobs(ref);
        assertThat(notificationTypes(ref)).contains("ACKNOWLEDGEMENT");
        assertThat(deadline(ref, Deadline.ACKNOWLEDGEMENT).met()).isNotNull();
        assertThat(driver.instance(ref)).hasPassed("Task_AlertAcknowledgementOverdue");
    }

    @Test
    void interimUpdateGoesOutAtTwentyFourHoursWhenNoReplyYet() {
        String ref = driver.submit(Category.TECHNICAL_ERROR).reference();
        driver.fireTimer(ref, "Timer_InterimUpdateDue");
        assertThat(notificationTypes(ref)).contains("INTERIM_UPDATE");
        assertThat(deadline(ref, Deadline.INTERIM).met()).isTrue();
        assertThat(driver.instance(ref)).isWaitingAt("AnalyzeComplaint");
    }

    @Test
    void replyDeadlineWarnsTheWorkingGroupAtEightyPercentAndEscalatesAtBreach() {
        String ref = driver.submit(Category.TECHNICAL_ERROR).reference();
        driver.fireTimer(ref, "Timer_ReplyWarning");
        driver.fireTimer(ref, "Timer_ReplyBreach");
        assertThat(alerts(ref)).extracting(Notification::recipient).containsExactly("cs-agents", "cs-directors");
        assertThat(driver.instance(ref)).isWaitingAt("AnalyzeComplaint");
    }

    @Test
    void resolutionDeadlineWarnsAndEscalatesWhileWorkGoesOn() {
        String ref = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(ref, "AnalyzeComplaint", "agent", Map.of("outcome", "INVESTIGATE", "departments", "FINANCE"));
        driver.fireTimer(ref, "Timer_ResolutionWarning");
        driver.fireTimer(ref, "Timer_ResolutionBreach");
        assertThat(alerts(ref)).extracting(Notification::recipient).containsExactly("dept-finance", "cs-directors");
        assertThat(driver.instance(ref)).isWaitingAt("InvestigateInDepartment");
    }

    @Test
    void aMetDeadlineRaisesNoAlert() {
        String ref = driver.replied(Category.PROMOTION_TERMS);
        driver.fireTimer(ref, "Timer_ReplyBreach");
        driver.fireTimer(ref, "Timer_InterimUpdateDue");
        assertThat(alerts(ref)).isEmpty();
        assertThat(notificationTypes(ref)).doesNotContain("INTERIM_UPDATE");
    }

    @Test
    void timeBarredPaymentDelayIsRefusedInWritingAndStartsNoHandling() {
        IntakeAnswer answer = intake.submit(
                Complaints.submission(Category.PAYMENT_DELAY, LocalDate.now(calendar().zone()).minusDays(31)), null, null);
        String ref = answer.reference();
        assertThat(answer.status()).isEqualTo("REJECTED_TIME_BARRED");
        driver.runJobs(ref);
        assertThat(driver.instance(ref)).isNull();
        assertThat(letterKinds(ref)).containsExactly("REFUSAL");
        assertThat(notificationTypes(ref)).containsExactly("REFUSAL");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ref).count()).isZero();
    }

    @Test
    void paymentDelayOnItsThirtiethDayIsStillInTime() {
        IntakeAnswer answer = intake.submit(
                Complaints.submission(Category.PAYMENT_DELAY, LocalDate.now(calendar().zone()).minusDays(30)), null, null);
        assertThat(answer.status()).isEqualTo("RECEIVED");
    }

    private void completeInvestigation(String ref, String user, String group, String findings) {
        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ref)
                .taskDefinitionKey("InvestigateInDepartment").taskCandidateGroup(group).singleResult();
        driver.tasksComplete(task.getId(), user, Map.of("findings", findings), ref);
    }

    private ComplaintStatus status(String ref) {
        return driver.complaint(ref).status();
    }

    private Deadline deadline(String ref, String name) {
        return deadlines.find(driver.complaint(ref).id(), name).orElseThrow();
    }

    private List<String> notificationTypes(String ref) {
        return outbox.of(driver.complaint(ref).id()).stream().map(Notification::type).toList();
    }

    private List<Notification> alerts(String ref) {
        return outbox.of(driver.complaint(ref).id()).stream().filter(n -> n.type().equals("ESCALATION_ALERT")).toList();
    }

    private List<String> letterKinds(String ref) {
        return letters.of(driver.complaint(ref).id()).stream().map(Letters.Letter::kind).toList();
    }

    private String historicId(String ref) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref)
                .processDefinitionKey("complaint-handling").singleResult().getId();
    }

    @Autowired WorkingDayCalendar workingDayCalendar;

    private WorkingDayCalendar calendar() {
        return workingDayCalendar;
    }

    @Autowired CalendarProperties calendarProperties;

    private List<LocalDate> holidays() {
        return calendarProperties.holidays();
    }
}
