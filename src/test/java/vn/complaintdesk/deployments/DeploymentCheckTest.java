package vn.complaintdesk.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.StaffSession;
import vn.complaintdesk.deployments.ProcessDeployer;

/**
 * An analyst deploys through {@code /engine-rest/deployment/create}, as Camunda Modeler does: whatever could run
 * code is refused with 400 naming the element, and nothing of it is deployed; valid diagrams and decision tables
 * still deploy.
 */
@DeskTest
class DeploymentCheckTest {

    private static final String ATTACK_KEY = "attack";

    @Autowired TestRestTemplate http;
    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired ProcessDeployer processDeployer;
    @Autowired ObjectMapper json;

    static Stream<Arguments> refusedDiagrams() {
        return Stream.of(
                refused("a script task", "Task_Script", """
                        <startEvent id="Start"/>
                        <scriptTask id="Task_Script" scriptFormat="javascript"><script>java.lang.System.exit(1)</script></scriptTask>"""),
                refused("a script execution listener", "Start_Listened", """
                        <startEvent id="Start_Listened"><extensionElements>
                          <camunda:executionListener event="start">
                            <camunda:script scriptFormat="groovy">System.exit(1)</camunda:script>
                          </camunda:executionListener></extensionElements></startEvent>"""),
                refused("a script in an input parameter", "Task_ScriptParameter", """
                        <startEvent id="Start"/>
                        <serviceTask id="Task_ScriptParameter" camunda:delegateExpression="${applyTriage}"><extensionElements>
                          <camunda:inputOutput><camunda:inputParameter name="x">
                            <camunda:script scriptFormat="groovy">new File('/etc/passwd').text</camunda:script>
                          </camunda:inputParameter></camunda:inputOutput></extensionElements></serviceTask>"""),
                refused("a script condition", "Flow_Script", """
                        <startEvent id="Start"/><endEvent id="End"/>
                        <sequenceFlow id="Flow_Script" sourceRef="Start" targetRef="End">
                          <conditionExpression xsi:type="tFormalExpression" language="javascript">true</conditionExpression>
                        </sequenceFlow>"""),
                refused("an external script resource", "Flow_Resource", """
                        <startEvent id="Start"/><endEvent id="End"/>
                        <sequenceFlow id="Flow_Resource" sourceRef="Start" targetRef="End">
                          <conditionExpression xsi:type="tFormalExpression" camunda:resource="deployment://evil.js"/>
                        </sequenceFlow>"""),
                refused("camunda:class on a service task", "Task_Class", """
                        <startEvent id="Start"/>
                        <serviceTask id="Task_Class" camunda:class="java.lang.Runtime"/>"""),
                refused("camunda:class on a message event", "Event_Class", """
                        <startEvent id="Start"/>
                        <intermediateThrowEvent id="Event_Class">
                          <messageEventDefinition camunda:class="vn.complaintdesk.workflow.ApplyTriage"/>
                        </intermediateThrowEvent>"""),
                refused("camunda:class under the older activiti namespace", "Task_Activiti", """
                        <startEvent id="Start"/>
                        <serviceTask id="Task_Activiti" xmlns:activiti="http://activiti.org/bpmn" activiti:class="java.lang.Runtime"/>"""),
                refused("camunda:expression on a service task", "Task_Expression", """
                        <startEvent id="Start"/>
                        <serviceTask id="Task_Expression"
                          camunda:expression="${''.getClass().forName('java.lang.System').getMethod('exit', 1.getClass())}"/>"""),
                refused("a delegate expression naming a bean that is no delegate of the desk", "Task_Bean", """
                        <startEvent id="Start"/>
                        <serviceTask id="Task_Bean" camunda:delegateExpression="${dataSource}"/>"""),
                refused("a delegate expression calling a method", "Task_DelegateCall", """
                        <startEvent id="Start"/>
                        <serviceTask id="Task_DelegateCall" camunda:delegateExpression="${applyTriage.getClass()}"/>"""),
                refused("field injection of an expression", "Task_Field", """
                        <startEvent id="Start"/>
                        <serviceTask id="Task_Field" camunda:delegateExpression="${applyTriage}"><extensionElements>
                          <camunda:field name="x"><camunda:expression>${identityService.createUserQuery().count()}</camunda:expression></camunda:field>
                        </extensionElements></serviceTask>"""),
                refused("a method call in a gateway condition", "Flow_Call", """
                        <startEvent id="Start"/><endEvent id="End"/>
                        <sequenceFlow id="Flow_Call" sourceRef="Start" targetRef="End">
                          <conditionExpression xsi:type="tFormalExpression">${''.getClass().forName('java.lang.Runtime') != null}</conditionExpression>
                        </sequenceFlow>"""),
                refused("a method call on a bean in candidate groups", "Task_Investigate", """
                        <startEvent id="Start"/>
                        <userTask id="Task_Investigate" camunda:formKey="/forms/InvestigateInDepartment"
                          camunda:candidateGroups="${departmentGroup.of(department)}"/>"""),
                refused("property access on the execution in an assignee", "Task_Assignee", """
                        <startEvent id="Start"/>
                        <userTask id="Task_Assignee" camunda:assignee="${execution.processEngineServices}"/>"""),
                refused("a bean in a timer", "Timer_Bean", """
                        <startEvent id="Start"/>
                        <receiveTask id="Wait"/>
                        <boundaryEvent id="Timer_Bean" attachedToRef="Wait"><timerEventDefinition>
                          <timeDate xsi:type="tFormalExpression">${systemEnvironment}</timeDate>
                        </timerEventDefinition></boundaryEvent>"""),
                refused("a method call in an input/output mapping", "Call_Mapping", """
                        <startEvent id="Start"/>
                        <callActivity id="Call_Mapping" calledElement="external-escalation"><extensionElements>
                          <camunda:in sourceExpression="${execution.getProcessEngineServices()}" target="services"/>
                        </extensionElements></callActivity>"""),
                refused("an expression where no expression belongs", "Call_Dynamic", """
                        <startEvent id="Start"/>
                        <callActivity id="Call_Dynamic" calledElement="${calledProcess}"/>"""),
                refused("a timer start event", "Start_Timer", """
                        <startEvent id="Start_Timer"><timerEventDefinition>
                          <timeDate xsi:type="tFormalExpression">2020-01-01T00:00:00</timeDate>
                        </timerEventDefinition></startEvent>"""),
                refused("a message start event", "Start_Message", """
                        <startEvent id="Start_Message"><messageEventDefinition messageRef="Message_Go"/></startEvent>"""),
                refused("a signal start event", "Start_Signal", """
                        <startEvent id="Start_Signal"><signalEventDefinition signalRef="Signal_Go"/></startEvent>"""),
                refused("a conditional start event", "Start_Conditional", """
                        <startEvent id="Start_Conditional"><conditionalEventDefinition>
                          <condition xsi:type="tFormalExpression">${go}</condition>
                        </conditionalEventDefinition></startEvent>"""),
                refused("an event sub-process", "Sub_Event", """
                        <startEvent id="Start"/>
                        <subProcess id="Sub_Event" triggeredByEvent="true">
                          <startEvent id="Start_InSub"><timerEventDefinition>
                            <timeDuration xsi:type="tFormalExpression">PT1S</timeDuration>
                          </timerEventDefinition></startEvent>
                        </subProcess>"""),
                refused("a task listener", "Task_Listened", """
                        <startEvent id="Start"/>
                        <userTask id="Task_Listened" camunda:formKey="/forms/AnalyzeComplaint"><extensionElements>
                          <camunda:taskListener event="create" delegateExpression="${applyTriage}"/>
                        </extensionElements></userTask>"""),
                refused("an execution listener", "Task_ExecutionListened", """
                        <startEvent id="Start"/>
                        <userTask id="Task_ExecutionListened"><extensionElements>
                          <camunda:executionListener event="start" expression="${outcome}"/>
                        </extensionElements></userTask>"""),
                refused("a connector", "Task_Connector", """
                        <startEvent id="Start"/>
                        <serviceTask id="Task_Connector"><extensionElements>
                          <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
                        </extensionElements></serviceTask>"""),
                refused("an embedded form from the deployment", "Task_EmbeddedForm", """
                        <startEvent id="Start"/>
                        <userTask id="Task_EmbeddedForm" camunda:formKey="embedded:deployment:evil.html"/>"""),
                refused("a form reference", "Task_FormRef", """
                        <startEvent id="Start"/>
                        <userTask id="Task_FormRef" camunda:formRef="evil-form"/>"""),
                refused("an expression as a form field default", "Field_Default", """
                        <startEvent id="Start"/>
                        <userTask id="Task_Form"><extensionElements><camunda:formData>
                          <camunda:formField id="Field_Default" type="string" defaultValue="${''.getClass().getName()}"/>
                        </camunda:formData></extensionElements></userTask>"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedDiagrams")
    void aDiagramThatCouldRunCodeIsRefusedNamingTheElement(String construct, String elementId, String process)
            throws Exception {
        ResponseEntity<String> response = deploy("attack.bpmn", diagram(process));

        assertRefused(response, elementId);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(ATTACK_KEY).count())
                .as("nothing of %s is deployed", construct).isZero();
    }

    static Stream<Arguments> refusedDecisionTables() {
        String amount = """
                <input id="Input_Amount"><inputExpression id="Input_Amount_Expression" typeRef="long"><text>amount</text></inputExpression></input>""";
        String anyAmount = "<inputEntry id=\"Entry_Any\"><text>-</text></inputEntry>";
        String directors = "<outputEntry id=\"Output_Directors\"><text>\"cs-directors\"</text></outputEntry>";
        return Stream.of(
                refused("a script language", "Entry_Script", decisionTable(amount, """
                        <inputEntry id="Entry_Script" expressionLanguage="javascript"><text>java.lang.System.exit(1)</text></inputEntry>"""
                        + directors)),
                refused("a JUEL method call", "Input_Juel_Expression", decisionTable("""
                        <input id="Input_Juel"><inputExpression id="Input_Juel_Expression" expressionLanguage="juel" typeRef="string">
                          <text>''.getClass().forName('java.lang.Runtime')</text></inputExpression></input>""",
                        anyAmount + directors)),
                refused("a FEEL call of Java", "Output_Java", decisionTable(amount, anyAmount + """
                        <outputEntry id="Output_Java"><text>function(x) external {java: {class: "java.lang.System",
                          method signature: "exit(int)"}}</text></outputEntry>""")),
                refused("FEEL property access", "Entry_Property", decisionTable(amount, """
                        <inputEntry id="Entry_Property"><text>&gt; limits.director</text></inputEntry>""" + directors)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedDecisionTables")
    void aDecisionTableThatCouldRunCodeIsRefusedNamingTheElement(String construct, String elementId, String table)
            throws Exception {
        ResponseEntity<String> response = deploy("attack.dmn", table);

        assertRefused(response, elementId);
        assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(ATTACK_KEY).count())
                .as("nothing of %s is deployed", construct).isZero();
    }

    @Test
    void aCaseDefinitionIsRefused() throws Exception {
        ResponseEntity<String> response = deploy("attack.cmmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/CMMN/20151109/MODEL" id="Cases_Attack" targetNamespace="attack">
                  <case id="attack"><casePlanModel id="Plan"/></case>
                </definitions>""");

        assertRefused(response, "Cases_Attack");
        assertThat(repositoryService.createCaseDefinitionQuery().caseDefinitionKey(ATTACK_KEY).count()).isZero();
    }

    @Test
    void cockpitsDoorToTheEngineRefusesTheSameDiagram() {
        StaffSession analyst = StaffSession.login(port, "analyst", "demo");
        var cockpit = analyst.get("/camunda/app/cockpit/default/");
        String xsrf = cockpit.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();

        var response = analyst.deployCamunda("/camunda/api/engine/engine/default/deployment/create", xsrf,
                "attack.bpmn", diagram("""
                        <startEvent id="Start_Timer"><timerEventDefinition>
                          <timeCycle xsi:type="tFormalExpression">R/PT1M</timeCycle>
                        </timerEventDefinition></startEvent>""").getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Start_Timer");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(ATTACK_KEY).count()).isZero();
    }

    @Test
    void theShippedProcessesPassAsOneDeployment() throws Exception {
        LinkedMultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("deployment-name", "shipped-processes-check");
        processDeployer.processesFolder().forEach((name, content) -> files.add(name, file(name, content)));

        ResponseEntity<String> response = deploy(files);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        removeDeployment(response);
    }

    @Test
    void theAnalystDeploysAChangedDecisionTable() throws Exception {
        String shipped = new String(processDeployer.processesFolder().get("approval-authority.dmn"),
                StandardCharsets.UTF_8);
        String changed = shipped.replace("<text>\"EXPLANATION\",\"SERVICE_FIX\"</text>", "<text>\"EXPLANATION\"</text>");
        assertThat(changed).isNotEqualTo(shipped);

        ResponseEntity<String> response = deploy("approval-authority.dmn", changed);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(response.getBody()).path("deployedDecisionDefinitions").has("approval-authority")
                || response.getBody().contains("approval-authority")).isTrue();
        removeDeployment(response);
    }

    @Test
    void theAnalystDeploysAValidDiagram() throws Exception {
        ResponseEntity<String> response = deploy("valid.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  id="Definitions_Valid" targetNamespace="valid">
                  <process id="analyst-valid" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="Start"/>
                    <userTask id="AnalyzeComplaint" camunda:formKey="/forms/AnalyzeComplaint" camunda:candidateGroups="cs-agents"/>
                    <exclusiveGateway id="Outcome" default="Flow_Other"/>
                    <serviceTask id="Triage" camunda:delegateExpression="${applyTriage}"/>
                    <userTask id="ApproveResolution" camunda:formKey="/forms/ApproveResolution" camunda:candidateGroups="${approverGroup}" camunda:dueDate="${replyDueAt}">
                      <extensionElements><camunda:inputOutput>
                        <camunda:inputParameter name="level">BREACH</camunda:inputParameter>
                        <camunda:inputParameter name="late">${daysSinceIncident &gt; limitationDays}</camunda:inputParameter>
                      </camunda:inputOutput></extensionElements>
                    </userTask>
                    <boundaryEvent id="Timer_Reply" attachedToRef="ApproveResolution" cancelActivity="false"><timerEventDefinition>
                      <timeDate xsi:type="tFormalExpression">${replyWarningAt}</timeDate></timerEventDefinition></boundaryEvent>
                    <callActivity id="Escalate" calledElement="external-escalation"><extensionElements>
                      <camunda:in businessKey="#{execution.processBusinessKey}"/><camunda:in variables="all"/>
                    </extensionElements></callActivity>
                    <endEvent id="End"/>
                    <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="AnalyzeComplaint"/>
                    <sequenceFlow id="Flow_2" sourceRef="AnalyzeComplaint" targetRef="Outcome"/>
                    <sequenceFlow id="Flow_Now" sourceRef="Outcome" targetRef="Triage">
                      <conditionExpression xsi:type="tFormalExpression">${outcome == 'RESOLVE_NOW' || (!accepts &amp;&amp; round == 2)}</conditionExpression>
                    </sequenceFlow>
                    <sequenceFlow id="Flow_Other" sourceRef="Outcome" targetRef="ApproveResolution"/>
                    <sequenceFlow id="Flow_3" sourceRef="Triage" targetRef="ApproveResolution"/>
                    <sequenceFlow id="Flow_4" sourceRef="ApproveResolution" targetRef="Escalate"/>
                    <sequenceFlow id="Flow_5" sourceRef="Escalate" targetRef="End"/>
                    <sequenceFlow id="Flow_Late" sourceRef="Timer_Reply" targetRef="End"/>
                  </process>
                </definitions>""");

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("analyst-valid").count())
                .isEqualTo(1);
        removeDeployment(response);
    }

    private void assertRefused(ResponseEntity<String> response, String elementId) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode refusal = json.readTree(response.getBody());
        assertThat(refusal.path("type").asText()).isEqualTo("ParseException");
        assertThat(refusal.path("message").asText()).contains(elementId);
        assertThat(refusal.path("details").elements().next().path("errors").findValuesAsText("mainElementId"))
                .as("Camunda Modeler marks the element").contains(elementId);
    }

    private void removeDeployment(ResponseEntity<String> response) throws Exception {
        JsonNode deployment = json.readTree(response.getBody());
        repositoryService.deleteDeployment(deployment.path("id").asText(), true);
    }

    private ResponseEntity<String> deploy(String fileName, String xml) {
        LinkedMultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("deployment-name", "analyst-upload");
        files.add("data", file(fileName, xml.getBytes(StandardCharsets.UTF_8)));
        return deploy(files);
    }

    private ResponseEntity<String> deploy(LinkedMultiValueMap<String, Object> files) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        return http.withBasicAuth("analyst", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(files, headers), String.class);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static Arguments refused(String construct, String elementId, String content) {
        return Arguments.of(construct, elementId, content);
    }

    private static String diagram(String process) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  id="Definitions_Attack" targetNamespace="attack">
                  <message id="Message_Go" name="Go"/><signal id="Signal_Go" name="Go"/>
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                %s
                  </process>
                </definitions>""".formatted(ATTACK_KEY, process);
    }

    private static String decisionTable(String input, String rule) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                  id="Definitions_Attack" name="Attack" namespace="attack">
                  <decision id="%s" name="Attack" camunda:historyTimeToLive="1">
                    <decisionTable id="Table_Attack" hitPolicy="FIRST">
                      %s
                      <output id="Output_Group" name="approverGroup" typeRef="string"/>
                      <rule id="Rule_Attack">%s</rule>
                    </decisionTable>
                  </decision>
                </definitions>""".formatted(ATTACK_KEY, input, rule);
    }
}
