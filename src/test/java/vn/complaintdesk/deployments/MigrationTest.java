package vn.complaintdesk.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.StaffSession;
import vn.complaintdesk.workflow.ProcessNames;

/**
 * An analyst moves complaints waiting in AnalyzeComplaint from version 1 to version 2 of the procedure, in which a
 * timer was renamed: with the renamed timer mapped, their tasks, timers and deadlines are intact and they go on
 * on version 2; a complaint waiting in a step version 2 no longer has is reported and left as it was.
 */
@DeskTest
@Order(Integer.MAX_VALUE - 2)
class MigrationTest {

    private static final String BPMN = "complaint-handling.bpmn";
    private static final List<String> TIMERS = List.of("Timer_ReplyWarning", "Timer_ReplyBreach",
            "Timer_ResolutionWarning", "Timer_ResolutionBreach", "Timer_AcknowledgementOverdue");

    @Autowired ProcessDeployer deployer;
    @Autowired ProcessDriver driver;
    @Autowired Migrations migrations;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;
    @Autowired ManagementService managementService;
    @Autowired ProcessChanges changes;
    @LocalServerPort int port;

    private final Map<String, byte[]> shipped = ProcessDeployer.read("classpath:processes/");

    @AfterEach
    void theShippedSetIsPutBack() {
        deployer.deploy(shipped);
    }

    @Test
    void complaintsWaitingInAnalysisMoveToTheNewVersionWithTheirTasksAndTimersAndAnUnmappableOneIsReported() {
        String first = driver.submit(Category.PAYMENT_DELAY).reference();
        String second = driver.submit(Category.TECHNICAL_ERROR).reference();
        String askedForInformation = driver.submit(Category.BILLING).reference();
        driver.complete(askedForInformation, "AnalyzeComplaint", "agent",
                Map.of("outcome", "NEED_INFO", "questionsForCustomer", "Mã giao dịch?"));
        driver.runJobs(askedForInformation);
        assertThat(driver.instance(askedForInformation)).isWaitingAt("ReceiveTask_WaitForCustomerInfo");
        String v1 = driver.instance(first).getProcessDefinitionId();
        String task = driver.task(first, "AnalyzeComplaint").getId();
        Map<String, Date> timersBefore = timers(first);
        Date interimBefore = driver.timer(first, "Timer_InterimUpdateDue").getDuedate();

        String v2 = deployVersionTwo();
        String mappings = "Timer_InterimUpdateDue = Timer_InterimUpdate";
        Migrations.Plan plan = migrations.plan(v1, v2, MigrationController.extraMappings(mappings));

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.mappings()).anySatisfy(m -> {
            assertThat(m.source()).isEqualTo("Timer_InterimUpdateDue");
            assertThat(m.target()).isEqualTo("Timer_InterimUpdate");
        });
        assertThat(plan.unmapped()).singleElement().satisfies(u -> {
            assertThat(u.activityId()).isEqualTo("ReceiveTask_WaitForCustomerInfo");
            assertThat(u.waiting()).isGreaterThanOrEqualTo(1);
        });

        Migrations.Run run = migrations.run(v1, v2, MigrationController.extraMappings(mappings),
                List.of(first, second, askedForInformation), "analyst");
        executeBatch(run.batchId());

        assertThat(run.migrating()).isEqualTo(2);
        assertThat(run.left()).extracting(Migrations.Waiting::reference).containsExactly(askedForInformation);
        assertThat(migrations.state(run.batchId()).ended()).isTrue();
        assertThat(driver.instance(first).getProcessDefinitionId()).isEqualTo(v2);
        assertThat(driver.instance(second).getProcessDefinitionId()).isEqualTo(v2);
        assertThat(driver.task(first, "AnalyzeComplaint").getId()).as("the same task").isEqualTo(task);
        assertThat(timers(first)).as("timers and deadlines intact").isEqualTo(timersBefore);
        assertThat(driver.timer(first, "Timer_InterimUpdate").getDuedate()).as("the renamed timer keeps its due date")
                .isEqualTo(interimBefore);

        assertThat(driver.instance(askedForInformation).getProcessDefinitionId()).as("left, not broken").isEqualTo(v1);
        assertThat(driver.instance(askedForInformation)).isWaitingAt("ReceiveTask_WaitForCustomerInfo");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(driver.instance(askedForInformation).getId())
                .count()).isZero();

        driver.complete(first, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        assertThat(driver.instance(first)).as("goes on on version 2").isWaitingAt("ProposeResolution");
        assertThat(changes.latest(5)).anySatisfy(change -> {
            assertThat(change.kind()).isEqualTo(ProcessChanges.MIGRATION);
            assertThat(change.actor()).isEqualTo("analyst");
            assertThat(change.complaints()).isEqualTo(2);
            assertThat(change.summary()).contains(askedForInformation);
        });
    }

    @Test
    void theAssistantShowsThePlanAndWhatItCannotMap() {
        String waiting = driver.submit(Category.BILLING).reference();
        driver.complete(waiting, "AnalyzeComplaint", "agent",
                Map.of("outcome", "NEED_INFO", "questionsForCustomer", "Sao kê ngân hàng?"));
        driver.runJobs(waiting);
        String v1 = driver.instance(waiting).getProcessDefinitionId();
        String v2 = deployVersionTwo();

        var page = StaffSession.login(port, "analyst", "demo").get("/processes/migration?source=" + v1 + "&target=" + v2);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"mappings-table\"").contains("data-activity=\"ReceiveTask_WaitForCustomerInfo\"")
                .contains("data-reference=\"" + waiting + "\"");
        assertThat(StaffSession.login(port, "agent", "demo").get("/processes/migration").statusCode()).isEqualTo(403);
    }

    /** Version 2: the interim-update timer renamed, the wait for information replaced by a step of another id. */
    private String deployVersionTwo() {
        Map<String, byte[]> changed = new LinkedHashMap<>(shipped);
        String diagram = new String(shipped.get(BPMN), StandardCharsets.UTF_8)
                .replace("\"Timer_InterimUpdateDue", "\"Timer_InterimUpdate")
                .replace("ReceiveTask_WaitForCustomerInfo", "ReceiveTask_WaitForInformation");
        changed.put(BPMN, diagram.getBytes(StandardCharsets.UTF_8));
        deployer.deploy(changed).orElseThrow();
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(ProcessNames.COMPLAINT_PROCESS)
                .latestVersion().singleResult().getId();
    }

    private Map<String, Date> timers(String reference) {
        Map<String, Date> dueDates = new LinkedHashMap<>();
        TIMERS.forEach(timer -> dueDates.put(timer, driver.timer(reference, timer).getDuedate()));
        return dueDates;
    }

    private void executeBatch(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId());
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().list().stream()
                    .filter(job -> job.getJobDefinitionId() != null && definitions.contains(job.getJobDefinitionId()))
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }
}
