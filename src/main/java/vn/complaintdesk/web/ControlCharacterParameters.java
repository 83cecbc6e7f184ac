package vn.complaintdesk.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses, with 400 naming the parameter, a query parameter holding a control character (an id
 * such as {@code taskId} with CR/LF would forge a redirect) or a form field holding one other
 * than tab and line breaks. The intake, task and customer-event forms check their own fields and
 * show the error next to the input, so their form bodies are left to them; a NUL in an uploaded
 * file's name, which Tomcat refuses while parsing, is answered here as 400 naming {@code attachments}.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class ControlCharacterParameters extends OncePerRequestFilter {

    private static final List<PathPattern> FORMS_CHECKING_THEMSELVES = List.of("/complaint", "/complaints/new",
            "/tasks/{taskId}", "/track/{reference}/{action}").stream().map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final MessageSource messages;
    private final LocaleResolver locales;

    public ControlCharacterParameters(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = locales.resolveLocale(request);
        String refused = refusedQueryParameter(request.getQueryString());
        if (refused == null && checksFormBody(request)) {
            refused = refusedFormField(request.getParameterMap());
        }
        if (refused != null) {
            String problem = messages.getMessage("validation.controlCharacters", null, locale);
            refuse(request, response, new InvalidParameterException(refused,
                    messages.getMessage("validation.parameter", new Object[] {refused, problem}, locale)));
            return;
        }
        if (isMultipart(request)) {
            try {
                // Tomcat refuses a NUL in a file name while parsing, with an exception no handler sees.
                request.getParameterMap();
            } catch (InvalidFileNameException nulInName) {
                refuse(request, response, new InvalidParameterException("attachments", messages.getMessage(
                        "attachments.controlCharacters", new Object[] {shown(nulInName.getName())}, locale)));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response,
            InvalidParameterException refusal) throws IOException {
        request.setAttribute(ErrorResponses.CAUSE, refusal);
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String contentType = request.getContentType();
        return HttpMethod.POST.matches(request.getMethod()) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The name of the first query parameter with a control character (or unreadable), else null. */
    private static String refusedQueryParameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            try {
                String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (ControlCharacters.inLine(name) || ControlCharacters.inLine(value)) {
                    return shown(name);
                }
            } catch (IllegalArgumentException badEncoding) {
                return shown(rawName);
            }
        }
        return null;
    }

    private static String refusedFormField(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean refused = ControlCharacters.inLine(parameter.getKey());
            for (String value : parameter.getValue()) {
                refused |= ControlCharacters.inText(value);
            }
            if (refused) {
                return shown(parameter.getKey());
            }
        }
        return null;
    }

    private static boolean checksFormBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (!HttpMethod.POST.matches(request.getMethod()) || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI()
                .substring(request.getContextPath().length()));
        return FORMS_CHECKING_THEMSELVES.stream().noneMatch(pattern -> pattern.matches(path));
    }

    private static String shown(String name) {
        String line = ControlCharacters.toLine(name);
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
