package vn.complaintdesk.tasks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.complaintdesk.security.CurrentStaff;
import vn.complaintdesk.security.StaffRoles;
import vn.complaintdesk.workflow.ComplaintProcess;

/**
 * The task rules at Camunda's own REST doors ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}, which Tasklist uses): completing a task takes exactly the task's
 * contract fields (400 naming any other variable), and only administrators write variables of
 * tasks, executions and process instances (403).
 */
public class EngineRestDoors extends OncePerRequestFilter {

    private static final Pattern ENGINE_PATH = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");
    private static final Pattern VARIABLE_WRITE = Pattern.compile(
            "^/(?:task|execution|process-instance|case-instance|case-execution)/[^/]+/(?:variables|localVariables)(?:/.*)?$"
                    + "|^/process-instance/variables-async$|^/variable-instance(?:/.*)?$");
    private static final Pattern COMPLETION = Pattern.compile("^/task/([^/]+)/(?:complete|submit-form|resolve)$");
    /**
     * Ways to move a task on or hand it to others without completing it: a BPMN error or escalation
     * thrown from the task (e.g. "withdrawn"), new candidates, delegation, a changed task.
     */
    private static final Pattern TASK_OVERRIDE = Pattern.compile(
            "^/task/[^/]+/(?:bpmnError|bpmnEscalation|identity-links(?:/delete)?|delegate)$|^/task/(?!count$)[^/]+$");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final int MAX_BODY = 1024 * 1024;

    private final ComplaintProcess process;
    private final TaskRulesRegistry rules;
    private final ObjectMapper json;

    public EngineRestDoors(ComplaintProcess process, TaskRulesRegistry rules, ObjectMapper json) {
        this.process = process;
        this.rules = rules;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engine = ENGINE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (READS.contains(request.getMethod()) || !engine.matches()) {
            chain.doFilter(request, response);
            return;
        }
        // Jersey takes a trailing slash as the same resource.
        String path = engine.group(1).replaceAll("/+$", "");
        if (TASK_OVERRIDE.matcher(path).matches() && !isAdmin()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                    "Only administrators may move a task on without completing it, or change who works it.");
            return;
        }
        if (VARIABLE_WRITE.matcher(path).matches() && !isAdmin()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
                    "Only administrators may write process variables; complete the task with its fields instead.");
            return;
        }
        Matcher completion = COMPLETION.matcher(path);
        if (!completion.matches()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
                    "The request body is too large.");
            return;
        }
        List<String> foreign = foreignVariables(completion.group(1), body);
        if (!foreign.isEmpty()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                    "Not fields of this task: " + String.join(", ", foreign));
            return;
        }
        chain.doFilter(new BodyAgain(request, body), response);
    }

    /** The submitted variables that are not the task's contract fields (none for a task the desk has no rules for). */
    private List<String> foreignVariables(String taskId, byte[] body) {
        Task task = process.task(taskId).orElse(null);
        if (task == null || rules.forTask(task.getTaskDefinitionKey()).isEmpty() || body.length == 0) {
            return List.of();
        }
        Set<String> own = rules.forTask(task.getTaskDefinitionKey()).get().fieldNames();
        List<String> foreign = new ArrayList<>();
        try {
            JsonNode variables = json.readTree(body).path("variables");
            if (variables instanceof ObjectNode submitted) {
                submitted.fieldNames().forEachRemaining(name -> {
                    if (!own.contains(name)) {
                        foreign.add(name);
                    }
                });
            }
        } catch (IOException unreadable) {
            // Fail closed: what cannot be read here cannot be shown to hold only the task's fields.
            return List.of("(unreadable body)");
        }
        return foreign;
    }

    private static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && CurrentStaff.of(authentication).isIn(StaffRoles.ADMIN);
    }

    private void refuse(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.createObjectNode().put("type", type).put("message", message).toString());
    }

    /** The request with its body, already read here, readable once more. */
    private static final class BodyAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
