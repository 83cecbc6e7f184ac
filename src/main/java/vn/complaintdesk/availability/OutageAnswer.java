package vn.complaintdesk.availability;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * What a caller gets while the database is away: 503 with {@code Retry-After}, as problem+json on
 * the API and as a short page for people. Written without the session, the security context or any
 * query, because all of those need the database.
 */
@Component
public class OutageAnswer {

    static final int RETRY_AFTER_SECONDS = 30;

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final SpringTemplateEngine templates;
    private final JakartaServletWebApplication webApplication;

    public OutageAnswer(MessageSource messages, LocaleResolver locales, ObjectMapper json,
            SpringTemplateEngine templates, ServletContext servletContext) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.templates = templates;
        this.webApplication = JakartaServletWebApplication.buildApplication(servletContext);
    }

    public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        if (wantsJson(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    messages.getMessage("problem.unavailable", new Object[] {RETRY_AFTER_SECONDS}, locale));
            problem.setType(URI.create("urn:complaint-desk:problem:unavailable"));
            problem.setTitle(messages.getMessage("problem.unavailable.title", null, locale));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } else {
            WebContext page = new WebContext(webApplication.buildExchange(request, response), locale);
            page.setVariable("retryAfter", RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            templates.process("error/unavailable", page, response.getWriter());
        }
        response.flushBuffer();
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/engine-rest/")
                || path.startsWith("/camunda/api/")
                || accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
