package vn.complaintdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.notification.Outbox;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.tasks.TaskWork;

@DeskTest
class ComplaintHandlingSliceTest {

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;
    @Autowired TaskWork tasks;
    @Autowired ComplaintRepository complaints;
    @Autowired Outbox outbox;

    @BeforeEach
    void useSpringEngine() {
        AbstractAssertions.init(engine);
    }

    @Test
    void complaintInTimeIsAcknowledgedAndWaitsForAnalysis() {
        IntakeAnswer answer = intake.submit(Complaints.promotionQuestion(LocalDate.now().minusDays(3)), null, null);
        ProcessInstance instance = instance(answer.reference());

        assertThat(answer.status()).isEqualTo("RECEIVED");
        assertThat(instance).isWaitingAt("Task_SendAcknowledgement")
                .hasPassed("Task_DetermineLimitationPeriod", "Task_TriageComplaint", "Task_ApplyTriage");
        execute(job());
        assertThat(instance).isWaitingAt("AnalyzeComplaint");
        assertThat(task(instance)).hasCandidateGroup("cs-agents").hasFormKey("/forms/AnalyzeComplaint");

        long id = complaints.require(answer.reference()).id();
        assertThat(outbox.of(id)).extracting("type").containsExactly("ACKNOWLEDGEMENT");
        assertThat(complaints.require(answer.reference()).status()).isEqualTo(ComplaintStatus.IN_ANALYSIS);

        tasks.complete(task(instance).getId(), "agent", Set.of("cs-agents"), Map.of("outcome", "RESOLVE_NOW"),
                java.util.Locale.ENGLISH);
        assertThat(instance).hasPassed("AnalyzeComplaint");
    }

    @Test
    void paymentDelayReportedAfterThirtyDaysIsRefusedAsTimeBarred() {
        IntakeAnswer answer = intake.submit(
                Complaints.submission(Category.PAYMENT_DELAY, LocalDate.now(engineClockZone()).minusDays(31)), null, null);
        ProcessInstance instance = instance(answer.reference());

        assertThat(answer.status()).isEqualTo("REJECTED_TIME_BARRED");
        assertThat(instance).isWaitingAt("Task_SendRefusalLetter").hasPassed("Task_RecordTimeBarred")
                .hasNotPassed("Task_TriageComplaint");
        execute(job());
        assertThat(instance).isEnded().hasPassed("EndEvent_ComplaintRefused");
        long id = complaints.require(answer.reference()).id();
        assertThat(outbox.of(id)).extracting("type").containsExactly("REFUSAL");
    }

    @Test
    void paymentDelayOnItsThirtiethDayIsStillInTime() {
        IntakeAnswer answer = intake.submit(
                Complaints.submission(Category.PAYMENT_DELAY, LocalDate.now(engineClockZone()).minusDays(30)), null, null);
        assertThat(answer.status()).isEqualTo("RECEIVED");
        assertThat(instance(answer.reference())).hasPassed("Task_TriageComplaint");
    }

    private ProcessInstance instance(String reference) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult();
    }

    private static java.time.ZoneId engineClockZone() {
        return java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    }
}
