package vn.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.portal.CustomerEvents;
import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.ProcessDriver;
import vn.complaintdesk.web.WebConfig;

/**
 * The demo user {@code auditor} (group auditors) reads everything and changes nothing. Every write
 * through our API, the Camunda REST API and the staff pages is refused with 403 (the auditor is
 * logged in, so it is never 401), except the tasklist's claim and unclaim buttons, which send
 * every refusal back to the tasklist with a notice. After each attempt the complaints, the tasks
 * and the processes are exactly as before. Each attempt gets two fresh complaints: one with an
 * open, unassigned AnalyzeComplaint, one waiting for the customer's information.
 */
@DeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorIsReadOnlyTest {

    private static final String AUDITOR = "auditor";
    private static final String PASSWORD = "demo";

    @Autowired MockMvc mvc;
    @Autowired TestRestTemplate http;
    @Autowired ProcessDriver driver;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;
    @Autowired CustomerEvents customerEvents;
    @Autowired MessageSource messages;

    /** A complaint whose AnalyzeComplaint is open and unassigned. */
    private String openRef;
    private String openTaskId;
    /** A complaint waiting for the customer's information (AnalyzeComplaint: NEED_INFO). */
    private String waitingRef;
    private String waitingInstanceId;

    @BeforeEach
    void twoComplaints() {
        openRef = driver.submit(Category.SERVICE_QUALITY).reference();
        openTaskId = driver.task(openRef, "AnalyzeComplaint").getId();
        waitingRef = driver.submit(Category.PAYMENT_DELAY).reference();
        driver.complete(waitingRef, "AnalyzeComplaint", "agent",
                Map.of("outcome", "NEED_INFO", "questionsForCustomer", "Mã giao dịch nạp tiền là gì?"));
        waitingInstanceId = driver.instance(waitingRef).getId();
        assertUntouched(state());
    }

    @Test
    void theAuditorReadsTheComplaintTheFileAndTheEngineTasks() throws Exception {
        assertThat(auditorApi(HttpMethod.GET, "/api/complaints/" + openRef, null)).isEqualTo(200);
        assertThat(auditorApi(HttpMethod.GET, "/api/complaints/" + waitingRef, null)).isEqualTo(200);
        assertThat(auditorApi(HttpMethod.GET, "/engine-rest/task", null)).isEqualTo(200);
        assertThat(auditorApi(HttpMethod.GET, "/engine-rest/process-instance/" + waitingInstanceId, null))
                .isEqualTo(200);
        assertThat(page(get("/audit/complaints/" + openRef)).getResponse().getStatus()).isEqualTo(200);
        assertThat(page(get("/audit/complaints/" + waitingRef)).getResponse().getStatus()).isEqualTo(200);
        assertThat(page(get("/complaints/" + waitingRef)).getResponse().getStatus()).isEqualTo(200);
        assertThat(page(get("/dashboard")).getResponse().getStatus()).isEqualTo(200);
        assertUntouched(state());
    }

    /** One write the auditor tries. */
    @FunctionalInterface
    interface Attempt {
        Outcome perform() throws Exception;
    }

    /** What the auditor got back: the status, and for pages the redirect and the flash notice. */
    record Outcome(int status, String redirect, Object notice) {
    }

    /** The writes answered 403. Built lazily: each attempt reads the fixture of its own invocation. */
    Stream<Arguments> forbiddenWrites() {
        return Stream.of(
                // Our task API (HTTP Basic).
                write("POST /api/tasks/{id}/claim", () -> api(HttpMethod.POST, "/api/tasks/" + openTaskId + "/claim",
                        null)),
                write("POST /api/tasks/{id}/unclaim", () -> api(HttpMethod.POST,
                        "/api/tasks/" + openTaskId + "/unclaim", null)),
                write("POST /api/tasks/{id}/complete", () -> api(HttpMethod.POST,
                        "/api/tasks/" + openTaskId + "/complete", Map.of("outcome", "RESOLVE_NOW"))),
                write("POST /api/complaints/{ref}/merge-into/{target}", () -> api(HttpMethod.POST,
                        "/api/complaints/" + openRef + "/merge-into/" + waitingRef, null)),
                // The Camunda REST API (HTTP Basic).
                write("POST /engine-rest/task/{id}/claim", () -> api(HttpMethod.POST,
                        "/engine-rest/task/" + openTaskId + "/claim", Map.of("userId", AUDITOR))),
                write("POST /engine-rest/task/{id}/complete", () -> api(HttpMethod.POST,
                        "/engine-rest/task/" + openTaskId + "/complete",
                        Map.of("variables", Map.of("outcome", Map.of("value", "RESOLVE_NOW"))))),
                write("POST /engine-rest/task/{id}/assignee", () -> api(HttpMethod.POST,
                        "/engine-rest/task/" + openTaskId + "/assignee", Map.of("userId", AUDITOR))),
                write("POST /engine-rest/process-instance/{id}/variables", () -> api(HttpMethod.POST,
                        "/engine-rest/process-instance/" + waitingInstanceId + "/variables",
                        Map.of("modifications", Map.of("auditNote",
                                Map.of("value", "changed by the auditor", "type", "String"))))),
                write("PUT /engine-rest/process-instance/{id}/variables/{name}", () -> api(HttpMethod.PUT,
                        "/engine-rest/process-instance/" + waitingInstanceId + "/variables/auditNote",
                        Map.of("value", "changed by the auditor", "type", "String"))),
                write("PUT /engine-rest/process-instance/{id}/suspended", () -> api(HttpMethod.PUT,
                        "/engine-rest/process-instance/" + waitingInstanceId + "/suspended",
                        Map.of("suspended", true))),
                write("DELETE /engine-rest/process-instance/{id}", () -> api(HttpMethod.DELETE,
                        "/engine-rest/process-instance/" + waitingInstanceId, null)),
                write("POST /engine-rest/message CustomerInfoProvided", () -> api(HttpMethod.POST,
                        "/engine-rest/message", Map.of("messageName", CustomerEvents.INFO_PROVIDED,
                                "businessKey", waitingRef))),
                write("POST /engine-rest/process-definition/key/complaint-handling/start", () -> api(HttpMethod.POST,
                        "/engine-rest/process-definition/key/complaint-handling/start",
                        Map.of("businessKey", "KN-2099-999999"))),
                write("POST /engine-rest/deployment/create", this::deploy),
                // The staff pages (session login with CSRF token).
                write("POST /tasks/{id} with a valid outcome", () -> outcome(page(post("/tasks/" + openTaskId)
                        .param("outcome", "RESOLVE_NOW").with(csrf())))),
                write("POST /complaints/{ref}/events/CustomerInfoProvided", () -> outcome(page(post(
                        "/complaints/" + waitingRef + "/events/CustomerInfoProvided")
                        .param("information", "Mã giao dịch là 123456").with(csrf())))),
                write("POST /complaints/{ref}/merge-into/{target}", () -> outcome(page(post(
                        "/complaints/" + openRef + "/merge-into/" + waitingRef).with(csrf())))),
                write("POST /complaints/{ref}/notes", () -> outcome(page(post("/complaints/" + openRef + "/notes")
                        .param("body", "Ghi chú của kiểm toán viên").with(csrf())))),
                write("POST /complaints/new", () -> outcome(page(post("/complaints/new")
                        .param("channel", "HOTLINE").param("category", "SERVICE_QUALITY")
                        .param("subject", "Khiếu nại qua điện thoại").param("description", "Nhân viên thô lỗ")
                        .param("incidentDate", LocalDate.now().minusDays(1).toString())
                        .param("customer.name", "Trần Thị Bình").param("customer.phone", "+84900000002")
                        .param("customer.language", "vi").with(csrf())))),
                write("POST /admin/notifications/1/retry", () -> outcome(page(post("/admin/notifications/1/retry")
                        .with(csrf())))),
                write("POST /reply-templates/new", () -> outcome(page(post("/reply-templates/new")
                        .param("name", "Mẫu của kiểm toán viên").param("language", "vi").param("body", "Nội dung")
                        .with(csrf())))),
                write("POST /reply-templates/1/deactivate", () -> outcome(page(post("/reply-templates/1/deactivate")
                        .with(csrf())))));
    }

    @ParameterizedTest(name = "auditor: {0} → 403, nothing changed")
    @MethodSource("forbiddenWrites")
    void everyWriteIsRefusedWith403AndChangesNothing(Attempt attempt) throws Exception {
        State before = state();
        Outcome outcome = attempt.perform();
        State after = state();
        assertThat(outcome.status()).as("HTTP status").isEqualTo(HttpStatus.FORBIDDEN.value());
        assertThat(after).as("state after the attempt").isEqualTo(before);
        assertUntouched(after);
    }

    /** The tasklist's buttons answer every refusal (403, 404, 409) with the tasklist and a notice. */
    Stream<Arguments> tasklistButtons() {
        return Stream.of(
                write("POST /tasks/{id}/claim", () -> outcome(page(post("/tasks/" + openTaskId + "/claim")
                        .with(csrf())))),
                write("POST /tasks/{id}/unclaim", () -> outcome(page(post("/tasks/" + openTaskId + "/unclaim")
                        .with(csrf())))));
    }

    @ParameterizedTest(name = "auditor: {0} → back to /tasks with the not-your-group notice, nothing changed")
    @MethodSource("tasklistButtons")
    void theTasklistButtonsRefuseWithANoticeAndChangeNothing(Attempt attempt) throws Exception {
        State before = state();
        Outcome outcome = attempt.perform();
        State after = state();
        assertThat(outcome.status()).as("HTTP status").isEqualTo(HttpStatus.FOUND.value());
        assertThat(outcome.redirect()).isEqualTo("/tasks");
        assertThat(outcome.notice()).isEqualTo(messages.getMessage("task.notYourGroup", null, WebConfig.VIETNAMESE));
        assertThat(after).as("state after the attempt").isEqualTo(before);
        assertUntouched(after);
    }

    /**
     * The contract: "what they may change follows the task groups"; the page behind the same action
     * (POST /complaints/{ref}/events/{message}) admits only cs-agents and cs-directors. The API does
     * not check the caller's groups: the auditor's call answers 204 and the complaint goes back to
     * IN_ANALYSIS. Enable when ComplaintApiController.customerEvent checks the groups.
     */
    @Test
    void theAuditorMayNotEnterACustomerEventThroughTheApi() {
        State before = state();
        int status = auditorApi(HttpMethod.POST, "/api/complaints/" + waitingRef + "/events/CustomerInfoProvided",
                Map.of("information", "Mã giao dịch là 123456"));
        assertThat(status).isEqualTo(HttpStatus.FORBIDDEN.value());
        assertThat(state()).isEqualTo(before);
        assertUntouched(state());
    }

    /**
     * What a write could change. openTaskAssignee: empty = open and unassigned, null = the task is gone.
     */
    record State(ComplaintStatus openStatus, Optional<String> openTaskAssignee, ComplaintStatus waitingStatus,
            boolean waitingForInfo, boolean waitingSuspended, Map<String, Object> waitingVariables,
            Map<String, Object> openTaskVariables, String infoRequests, long events, long notes, long complaints,
            long instances, long deployments, String notification1, String replyTemplates) {
    }

    private State state() {
        Task task = engine.getTaskService().createTaskQuery().taskId(openTaskId).singleResult();
        ProcessInstance waiting = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(waitingInstanceId).singleResult();
        long waitingId = driver.complaint(waitingRef).id();
        return new State(
                driver.complaint(openRef).status(),
                task == null ? null : Optional.ofNullable(task.getAssignee()),
                driver.complaint(waitingRef).status(),
                customerEvents.isWaitingFor(waitingRef, CustomerEvents.INFO_PROVIDED),
                waiting == null || waiting.isSuspended(),
                waiting == null ? Map.of() : engine.getRuntimeService().getVariables(waitingInstanceId),
                task == null ? Map.of() : engine.getTaskService().getVariablesLocal(openTaskId),
                // requests / answered ones
                jdbc.sql("SELECT COUNT(*) || '/' || COUNT(information) FROM info_request WHERE complaint_id = :id")
                        .param("id", waitingId).query(String.class).single(),
                // Reads write FILE_OPENED into the log book; writes must add nothing at all.
                jdbc.sql("SELECT COUNT(*) FROM complaint_event WHERE event_type <> 'FILE_OPENED'")
                        .query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM complaint_note").query(Long.class).single(),
                jdbc.sql("SELECT COUNT(*) FROM complaint").query(Long.class).single(),
                engine.getRuntimeService().createProcessInstanceQuery().count(),
                engine.getRepositoryService().createDeploymentQuery().count(),
                jdbc.sql("SELECT status || '/' || attempts || '/' || next_attempt_at FROM notification WHERE id = 1")
                        .query(String.class).optional().orElse("none"),
                // templates / active ones
                jdbc.sql("SELECT COUNT(*) || '/' || COUNT(CASE WHEN active THEN 1 END) FROM reply_template")
                        .query(String.class).single());
    }

    /** The task still open and unassigned, the statuses unchanged, the process still waiting. */
    private static void assertUntouched(State state) {
        assertThat(state.openStatus()).isEqualTo(ComplaintStatus.IN_ANALYSIS);
        assertThat(state.openTaskAssignee()).as("AnalyzeComplaint open and unassigned").isEqualTo(Optional.empty());
        assertThat(state.waitingStatus()).isEqualTo(ComplaintStatus.WAITING_FOR_CUSTOMER);
        assertThat(state.waitingForInfo()).as("process waiting for CustomerInfoProvided").isTrue();
        assertThat(state.waitingSuspended()).as("process suspended or gone").isFalse();
        assertThat(state.infoRequests()).isEqualTo("1/0");
    }

    private static Arguments write(String name, Attempt attempt) {
        return Arguments.of(Named.of(name, attempt));
    }

    private Outcome api(HttpMethod method, String path, Object body) {
        return new Outcome(auditorApi(method, path, body), null, null);
    }

    private int auditorApi(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.withBasicAuth(AUDITOR, PASSWORD)
                .exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
    }

    private Outcome deploy() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "auditor-probe");
        form.add("data", new ByteArrayResource("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
                  <process id="auditor-probe" isExecutable="true" camunda:historyTimeToLive="1"><startEvent id="s"/></process>
                </definitions>""".getBytes()) {
            @Override
            public String getFilename() {
                return "auditor-probe.bpmn";
            }
        });
        return new Outcome(http.withBasicAuth(AUDITOR, PASSWORD)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class)
                .getStatusCode().value(), null, null);
    }

    /** A staff page as the logged-in auditor (pages speak Vietnamese unless ?lang= says otherwise). */
    private MvcResult page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(AUDITOR).roles("auditors"))).andReturn();
    }

    private static Outcome outcome(MvcResult result) {
        // Refused by the security filter chain: no handler ran, so there is no flash map.
        Object notice = result.getFlashMap() == null ? null : result.getFlashMap().get("notice");
        return new Outcome(result.getResponse().getStatus(), result.getResponse().getRedirectedUrl(), notice);
    }
}
