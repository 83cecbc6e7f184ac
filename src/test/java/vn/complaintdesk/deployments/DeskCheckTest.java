package vn.complaintdesk.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.complaintdesk.support.DeskTest;

/**
 * The desk check refuses, by every door, what would become an incident on a customer's complaint, naming the
 * element by id and name; the running desk is unchanged. The analysts' page runs the same check without
 * deploying.
 */
@DeskTest
class DeskCheckTest {

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repositoryService;
    @Autowired ObjectMapper json;
    @Autowired ProcessDeployer deployer;

    static Stream<Arguments> unfitDiagrams() {
        return Stream.of(
                unfit("a user task without form", "AnalyzeComplaint", "/forms/AnalyzeComplaint", """
                        <userTask id="AnalyzeComplaint" name="Analyse complaint" camunda:candidateGroups="cs-agents"/>"""),
                unfit("a user task the desk has no rules and form for", "CallCustomerBack", "CallCustomerBack", """
                        <userTask id="CallCustomerBack" name="Call the customer back" camunda:formKey="/forms/CallCustomerBack"/>"""),
                unfit("a user task with another task's form", "ProposeResolution", "/forms/ProposeResolution", """
                        <userTask id="ProposeResolution" name="Propose" camunda:formKey="/forms/AnalyzeComplaint"/>"""),
                unfit("an unknown delegate", "Task_Notify", "notifyEveryone", """
                        <serviceTask id="Task_Notify" name="Notify everyone" camunda:delegateExpression="${notifyEveryone}"/>"""),
                unfit("a service task calling nothing", "Task_Nothing", "sendReplyLetter", """
                        <serviceTask id="Task_Nothing" name="Does nothing" camunda:delegateExpression=""/>"""),
                unfit("a timer on a variable the desk never sets", "Timer_Callback", "callbackAt", """
                        <receiveTask id="Wait" name="Wait" messageRef="Message_Go"/>
                        <boundaryEvent id="Timer_Callback" name="Call back due" attachedToRef="Wait"><timerEventDefinition>
                          <timeDate xsi:type="tFormalExpression">${callbackAt}</timeDate></timerEventDefinition></boundaryEvent>"""),
                unfit("a gateway reading a variable the desk never sets", "Flow_Vip", "vipCustomer", """
                        <exclusiveGateway id="Gateway_Vip" name="VIP?" default="Flow_Other"/>
                        <endEvent id="End"/>
                        <sequenceFlow id="Flow_Vip" name="VIP" sourceRef="Gateway_Vip" targetRef="End">
                          <conditionExpression xsi:type="tFormalExpression">${vipCustomer}</conditionExpression></sequenceFlow>
                        <sequenceFlow id="Flow_Other" sourceRef="Gateway_Vip" targetRef="End"/>"""),
                unfit("a decision table that is not deployed with the diagram", "Task_Risk", "risk-score", """
                        <businessRuleTask id="Task_Risk" name="Score risk" camunda:decisionRef="risk-score"
                          camunda:decisionRefBinding="deployment" camunda:resultVariable="risk" camunda:mapDecisionResult="singleEntry"/>"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unfitDiagrams")
    void aDiagramTheDeskCannotWorkWithIsRefusedNamingTheElement(String construct, String elementId, String hint,
            String content) throws Exception {
        String inUse = NewestSet.deploymentId(repositoryService);
        long definitions = repositoryService.createProcessDefinitionQuery().count();

        ResponseEntity<String> response = deploy("unfit.bpmn", diagram(content));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode refusal = json.readTree(response.getBody());
        assertThat(refusal.path("type").asText()).isEqualTo("ParseException");
        assertThat(refusal.path("message").asText()).contains(elementId).contains(hint);
        assertThat(refusal.path("details").elements().next().path("errors").findValuesAsText("mainElementId"))
                .as("Camunda Modeler marks the element").contains(elementId);
        assertThat(repositoryService.createProcessDefinitionQuery().count()).as("nothing of %s deployed", construct)
                .isEqualTo(definitions);
        assertThat(NewestSet.deploymentId(repositoryService)).as("the running desk is unchanged").isEqualTo(inUse);
    }

    @Test
    void aDecisionTableThatDropsAnOutputTheDeskReadsIsRefusedAlone() throws Exception {
        String triage = ModelFiles.text(ProcessDeployer.read("classpath:processes/").get("complaint-triage.dmn"));
        String withoutInterim = triage.replaceAll("(?s)<output id=\"Output_InterimHours\"[^>]*/>", "")
                .replaceAll("(?s)(<rule id=\"[^\"]+\">.*?)(<outputEntry id=\"[^\"]+\">\\s*<text>[^<]*</text>\\s*</outputEntry>\\s*)(</rule>)", "$1$3");
        assertThat(withoutInterim).doesNotContain("Output_InterimHours");
        String inUse = NewestSet.deploymentId(repositoryService);

        ResponseEntity<String> response = deploy("complaint-triage.dmn", withoutInterim);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("interimHours").contains("complaint-triage");
        assertThat(NewestSet.deploymentId(repositoryService)).isEqualTo(inUse);
    }

    @Test
    void aDecisionInputTheDiagramNeverPassesIsRefused() throws Exception {
        String table = ModelFiles.text(ProcessDeployer.read("classpath:processes/").get("limitation-period.dmn"))
                .replace("<text>category</text>", "<text>productLine</text>");

        ResponseEntity<String> response = deploy("limitation-period.dmn", table);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Input_Category").contains("productLine");
    }

    @Test
    void theAnalystsPageValidatesWithoutDeploying() {
        String inUse = NewestSet.deploymentId(repositoryService);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", ProcedureChangeTest.file("unfit.bpmn", diagram("""
                <boundaryEvent id="Timer_Callback" name="Call back due" attachedToRef="Wait"><timerEventDefinition>
                  <timeDate xsi:type="tFormalExpression">${callbackAt}</timeDate></timerEventDefinition></boundaryEvent>
                <receiveTask id="Wait" name="Wait" messageRef="Message_Go"/>""").getBytes(StandardCharsets.UTF_8)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");

        ResponseEntity<String> response = http.withBasicAuth("analyst", "demo")
                .postForEntity("/processes/validate", new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("id=\"problems\"").contains("data-element=\"Timer_Callback\"")
                .contains("callbackAt");
        assertThat(NewestSet.deploymentId(repositoryService)).isEqualTo(inUse);
    }

    @Test
    void theShippedSetValidatesCleanAndChangesNothing() {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        deployer.processesFolder().forEach((name, content) -> form.add("files", ProcedureChangeTest.file(name, content)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> response = http.withBasicAuth("analyst", "demo")
                .postForEntity("/processes/validate", new HttpEntity<>(form, headers), String.class);

        assertThat(response.getBody()).contains("id=\"fit\"").doesNotContain("id=\"problems\"");
    }

    @Test
    void anAgentCannotUseTheAnalystsPage() {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", ProcedureChangeTest.file("x.dmn", new byte[] {1}));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> response = http.withBasicAuth("agent", "demo")
                .postForEntity("/processes/deploy", new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> deploy(String fileName, String xml) {
        LinkedMultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("deployment-name", "analyst-upload");
        files.add("data", ProcedureChangeTest.file(fileName, xml.getBytes(StandardCharsets.UTF_8)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        return http.withBasicAuth("analyst", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(files, headers), String.class);
    }

    private static Arguments unfit(String construct, String elementId, String hint, String content) {
        return Arguments.of(construct, elementId, hint, content);
    }

    private static String diagram(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  id="Definitions_Unfit" targetNamespace="unfit">
                  <message id="Message_Go" name="Go"/>
                  <process id="unfit" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="Start"/>
                %s
                  </process>
                </definitions>""".formatted(elements);
    }
}
