package vn.complaintdesk.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the servlet container dispatches ({@code sendError}, an exception no handler took,
 * a request the firewall refused): {@code application/problem+json} on the APIs, whatever the
 * request accepts, and the error page with the message on pages. Replaces Boot's
 * BasicErrorController, whose JSON is no problem document.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ErrorResponses implements ErrorController {

    /** A request attribute naming what was refused, for errors raised before any handler (filters). */
    public static final String CAUSE = ErrorResponses.class.getName() + ".cause";

    private static final List<String> API_PATHS = List.of("/api/", "/engine-rest/", "/camunda/api/", "/actuator/");

    private final ErrorAttributes errorAttributes;
    private final MessageSource messages;
    private final ObjectMapper objectMapper;

    public ErrorResponses(ErrorAttributes errorAttributes, MessageSource messages, ObjectMapper objectMapper) {
        this.errorAttributes = errorAttributes;
        this.messages = messages;
        this.objectMapper = objectMapper;
    }

    @RequestMapping
    public ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        HttpStatus status = statusOf(request);
        Throwable cause = causeOf(request);
        String detail = detailOf(cause, status, locale);
        List<FieldProblem> errors = cause instanceof InvalidParameterException invalid
                ? List.of(new FieldProblem(invalid.parameter(), detail)) : List.of();
        if (answersWithProblem(request)) {
            writeProblem(request, response, status, detail, errors);
            return null;
        }
        // A page nobody answers leads on (hotline, e-mail, home): error/404, as public as the address asked for.
        ModelAndView page = new ModelAndView(status == HttpStatus.FORBIDDEN ? "error/403"
                : status == HttpStatus.NOT_FOUND ? "error/404" : "error");
        page.addObject("status", status.value());
        page.addObject("message", detail);
        page.setStatus(status);
        return page;
    }

    /** The JSON of a problem, as {@link ApiProblems} writes it; also used where no handler runs. */
    public static Map<String, Object> problem(HttpStatus status, String detail, String instance,
            List<FieldProblem> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", errors.isEmpty() ? "about:blank" : "urn:complaint-desk:problem:validation");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return problem;
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail, List<FieldProblem> errors) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem(status, detail, originalPath(request), errors));
    }

    private String detailOf(Throwable cause, HttpStatus status, Locale locale) {
        if (cause instanceof InvalidParameterException invalid) {
            return invalid.getReason();
        }
        if (cause instanceof RequestRejectedException) {
            return messages.getMessage("problem.rejectedUrl", null, locale);
        }
        // Our own reasons are message keys (e.g. task.notYourGroup); any other text stays internal.
        if (cause instanceof ResponseStatusException refused && refused.getReason() != null) {
            String text = messages.getMessage(refused.getReason(), null, null, locale);
            if (text != null) {
                return text;
            }
        }
        return messages.getMessage("problem.status." + status.value(), null,
                messages.getMessage("problem.status.other", null, locale), locale);
    }

    private Throwable causeOf(HttpServletRequest request) {
        Object cause = request.getAttribute(CAUSE);
        return cause instanceof Throwable refused ? refused : errorAttributes.getError(new ServletWebRequest(request));
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static boolean answersWithProblem(HttpServletRequest request) {
        String path = originalPath(request);
        if (path != null && API_PATHS.stream().anyMatch(path::startsWith)) {
            return true;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("html");
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path)) {
            return null;
        }
        return path.startsWith(request.getContextPath()) ? path.substring(request.getContextPath().length()) : path;
    }
}
