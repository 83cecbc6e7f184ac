package vn.complaintdesk.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.support.StaffSession;
import vn.complaintdesk.workflow.ProcessNames;

/**
 * An analyst lengthens the limitation period of PAYMENT_DELAY from 30 to 45 days on a running installation, by
 * each door: the processes folder and a restart, Camunda Modeler's REST call with the decision table alone, an
 * upload on the analysts' page. A complaint 40 days after its incident is in time afterwards, a complaint
 * started before keeps its version and its tables, and a restart does not put the old table back. Runs late
 * and puts the shipped set back, so the rest of the suite keeps the shipped rules.
 */
@DeskTest
@Order(Integer.MAX_VALUE - 1)
class ProcedureChangeTest {

    private static final String TABLE = "limitation-period.dmn";

    @Autowired ProcessDeployer deployer;
    @Autowired ProcessDriver driver;
    @Autowired IntakeService intake;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ProcessChanges changes;
    @LocalServerPort int port;

    private Map<String, byte[]> shipped;
    private String runningBefore;
    private String definitionBefore;

    @BeforeEach
    void aComplaintRunsOnTheShippedRules() {
        shipped = ProcessDeployer.read("classpath:processes/");
        assertThat(deployer.deploy(shipped)).as("the shipped set is in use").isEmpty();
        runningBefore = driver.submit(Category.PAYMENT_DELAY).reference();
        definitionBefore = driver.instance(runningBefore).getProcessDefinitionId();
        assertThat(intake.submit(fortyDaysOldPaymentDelay(), null, null).status()).isEqualTo("REJECTED_TIME_BARRED");
    }

    @AfterEach
    void theShippedSetIsPutBack() {
        deployer.deploy(shipped);
        assertThat(intake.submit(fortyDaysOldPaymentDelay(), null, null).status())
                .as("rolled back by redeploying the previous set").isEqualTo("REJECTED_TIME_BARRED");
    }

    @Test
    void aChangedTableInTheFolderIsDeployedAtRestartAndTheJarDoesNotPutTheOldOneBack(@TempDir Path folder)
            throws Exception {
        for (Map.Entry<String, byte[]> file : shipped.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getKey().equals(TABLE) ? longerTable() : file.getValue());
        }

        ProcessDeployer.FolderOutcome restart = deployer.deployFolder(folder.toString(), null);

        assertThat(restart.taken()).containsExactly(TABLE);
        assertThat(restart.deployment()).isPresent();
        assertThat(restart.deployment().get().getDeployedProcessDefinitions()).extracting("key")
                .as("one changed file deploys the whole set again").contains(ProcessNames.COMPLAINT_PROCESS);
        theChangeHoldsForNewComplaintsOnly();
        assertThat(deployer.deployFolder(folder.toString(), null).deployment()).as("the same folder again").isEmpty();
        theJarsOlderTableIsNotPutBack();
        assertThat(changes.latest(5)).anySatisfy(change -> {
            assertThat(change.door()).isEqualTo(ProcessDeployer.FOLDER_DOOR);
            assertThat(change.summary()).contains("changed: " + TABLE);
        });
        var record = StaffSession.login(port, "auditor", "demo").get("/audit/process-changes");
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).as("shown to auditors").contains("id=\"process-changes\"").contains("changed: " + TABLE);
    }

    @Test
    void aTableDeployedAloneFromModelerIsCompletedWithTheNewestDiagramsAndTakesEffect() throws Exception {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "limitation-period");
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        form.add(TABLE, file(TABLE, longerTable()));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> response = http.withBasicAuth("analyst", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode deployment = json.readTree(response.getBody());
        assertThat(deployment.path("deployedProcessDefinitions").toString())
                .as("the diagrams are deployed with it").contains(ProcessNames.COMPLAINT_PROCESS);
        theChangeHoldsForNewComplaintsOnly();
        theJarsOlderTableIsNotPutBack();
        assertThat(changes.latest(5)).anySatisfy(change -> {
            assertThat(change.actor()).isEqualTo("analyst");
            assertThat(change.door()).isEqualTo("Camunda Modeler");
            assertThat(change.deploymentId()).isEqualTo(deployment.path("id").asText());
        });
    }

    @Test
    void aTableUploadedOnTheAnalystsPageTakesEffect() throws Exception {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", file(TABLE, longerTable()));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> response = http.withBasicAuth("analyst", "demo")
                .postForEntity("/processes/deploy", new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).as("the page after the deployment").contains("id=\"notice\"")
                .contains(NewestSet.deploymentId(repositoryService));
        theChangeHoldsForNewComplaintsOnly();
        theJarsOlderTableIsNotPutBack();
        assertThat(changes.latest(5)).anySatisfy(change -> {
            assertThat(change.actor()).isEqualTo("analyst");
            assertThat(change.door()).isEqualTo(ProcessDeployer.PAGE_DOOR);
        });
    }

    private void theChangeHoldsForNewComplaintsOnly() {
        var fresh = intake.submit(fortyDaysOldPaymentDelay(), null, null);
        assertThat(fresh.status()).as("40 days after the incident is in time now").isEqualTo("RECEIVED");
        assertThat(driver.instance(fresh.reference()).getProcessDefinitionId()).isNotEqualTo(definitionBefore);

        assertThat(driver.instance(runningBefore).getProcessDefinitionId()).as("keeps its version").isEqualTo(definitionBefore);
        driver.complete(runningBefore, "AnalyzeComplaint", "agent", Map.of("outcome", "RESOLVE_NOW"));
        driver.complete(runningBefore, "ProposeResolution", "agent",
                Map.of("rootCause", "Chậm đối soát", "remedy", "EXPLANATION", "replyText", "Giải thích"));
        HistoricDecisionInstance approval = historyService.createHistoricDecisionInstanceQuery()
                .processInstanceId(driver.instance(runningBefore).getId()).decisionDefinitionKey("approval-authority")
                .singleResult();
        String tablesDeployment = repositoryService.getDecisionDefinition(approval.getDecisionDefinitionId()).getDeploymentId();
        assertThat(tablesDeployment).as("and its tables")
                .isEqualTo(repositoryService.getProcessDefinition(definitionBefore).getDeploymentId());
    }

    private void theJarsOlderTableIsNotPutBack() {
        String inUse = NewestSet.deploymentId(repositoryService);
        ProcessDeployer.FolderOutcome restart = deployer.deployFolder("classpath:processes/", null);
        assertThat(restart.deployment()).as("a restart with the jar's folder deploys nothing").isEmpty();
        assertThat(restart.olderLeft()).containsExactly(TABLE);
        assertThat(NewestSet.deploymentId(repositoryService)).isEqualTo(inUse);
        assertThat(intake.submit(fortyDaysOldPaymentDelay(), null, null).status()).isEqualTo("RECEIVED");
    }

    private byte[] longerTable() {
        String table = new String(shipped.get(TABLE), StandardCharsets.UTF_8);
        assertThat(table).contains("<text>30</text>");
        return table.replace("<text>30</text>", "<text>45</text>").getBytes(StandardCharsets.UTF_8);
    }

    private static ComplaintSubmission fortyDaysOldPaymentDelay() {
        return Complaints.submission(Category.PAYMENT_DELAY, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(40));
    }

    static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }
}
