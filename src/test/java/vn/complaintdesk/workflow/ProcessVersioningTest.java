package vn.complaintdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;

/**
 * An analyst changes a decision table: new complaints follow it, running ones keep the version they
 * started with, and a running one moves only when migrated on purpose. Runs late and puts the
 * original files back, so the rest of the suite keeps the shipped rules.
 */
@DeskTest
@Order(Integer.MAX_VALUE - 1)
class ProcessVersioningTest {

    @Autowired ProcessDeployer deployer;
    @Autowired ProcessDriver driver;
    @Autowired IntakeService intake;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;

    @Test
    void aLongerLimitationPeriodAppliesToNewComplaintsWhileRunningOnesKeepTheirVersion() throws Exception {
        Map<String, byte[]> shipped = deployer.processesFolder();
        String running = driver.submit(Category.PAYMENT_DELAY).reference();
        String oldDefinition = driver.instance(running).getProcessDefinitionId();
        assertThat(intake.submit(fortyDaysOldPaymentDelay(), null, null).status()).isEqualTo("REJECTED_TIME_BARRED");
        assertThat(deployer.deploy(shipped).getDeployedProcessDefinitions())
                .as("unchanged files make no new version").isNullOrEmpty();

        Map<String, byte[]> changed = new LinkedHashMap<>(shipped);
        String table = new String(shipped.get("limitation-period.dmn"), StandardCharsets.UTF_8);
        assertThat(table).contains("<text>30</text>");
        changed.put("limitation-period.dmn", table.replace("<text>30</text>", "<text>45</text>")
                .getBytes(StandardCharsets.UTF_8));
        try {
            assertThat(deployer.deploy(changed).getDeployedProcessDefinitions())
                    .as("one changed file deploys all again").extracting("key")
                    .contains("complaint-handling", "external-escalation");

            var fresh = intake.submit(fortyDaysOldPaymentDelay(), null, null);
            assertThat(fresh.status()).isEqualTo("RECEIVED");
            String newDefinition = driver.instance(fresh.reference()).getProcessDefinitionId();
            assertThat(newDefinition).isNotEqualTo(oldDefinition);
            assertThat(driver.instance(running).getProcessDefinitionId()).isEqualTo(oldDefinition);

            // The old complaint goes on on its own version and decision tables.
            driver.complete(running, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
            assertThat(driver.instance(running).getProcessDefinitionId()).isEqualTo(oldDefinition);

            // Migration is a deliberate act.
            MigrationPlan plan = runtimeService.createMigrationPlan(oldDefinition, newDefinition)
                    .mapEqualActivities().updateEventTriggers().build();
            runtimeService.newMigration(plan).processInstanceIds(driver.instance(running).getId()).execute();
            ProcessInstance migrated = driver.instance(running);
            assertThat(migrated.getProcessDefinitionId()).isEqualTo(newDefinition);
            driver.complete(running, "ProposeResolution", "agent", Map.of("rootCause", "x", "remedy", "EXPLANATION",
                    "replyText", "Giải thích"));
            assertThat(driver.instance(running)).isNotNull();
        } finally {
            deployer.deploy(shipped);
        }
        assertThat(intake.submit(fortyDaysOldPaymentDelay(), null, null).status())
                .as("the shipped rules are back").isEqualTo("REJECTED_TIME_BARRED");
    }

    private static vn.complaintdesk.intake.ComplaintSubmission fortyDaysOldPaymentDelay() {
        return Complaints.submission(Category.PAYMENT_DELAY, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(40));
    }
}
