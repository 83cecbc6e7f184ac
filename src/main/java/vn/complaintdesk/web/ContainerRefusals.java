package vn.complaintdesk.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before any of our code runs still get a problem document with a clear detail:
 * those Spring Security's firewall rejects ({@code //}, {@code ;}, {@code %2e}, …) through the
 * error page, and those Tomcat itself refuses (malformed or badly encoded URLs, encoded slashes,
 * control characters in headers) through Tomcat's error report valve, which would write HTML.
 */
@Configuration
public class ContainerRefusals {

    @Bean
    RequestRejectedHandler firewallRefusalIsAProblem() {
        return (request, response, rejected) -> {
            request.setAttribute(ErrorResponses.CAUSE, rejected);
            response.sendError(HttpStatus.BAD_REQUEST.value());
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatRefusalIsAProblem(MessageSource messages,
            ObjectMapper objectMapper) {
        // Unordered, so it runs after Boot's customizer, which adds an ErrorReportValve of its own.
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve(messages, objectMapper));
        });
    }

    /** Writes a problem document instead of Tomcat's HTML report; never a stack trace or server version. */
    public static class ProblemReportValve extends ErrorReportValve {

        private final MessageSource messages;
        private final ObjectMapper objectMapper;

        public ProblemReportValve(MessageSource messages, ObjectMapper objectMapper) {
            this.messages = messages;
            this.objectMapper = objectMapper;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            Locale locale = request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())
                    ? Locale.ENGLISH : WebConfig.VIETNAMESE;
            String detail = messages.getMessage(code == 400 ? "problem.rejectedRequest" : "problem.status." + code,
                    null, messages.getMessage("problem.status.other", null, locale), locale);
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(objectMapper.writeValueAsString(ErrorResponses.problem(status, detail, null, List.of())));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException closed) {
                // The client went away or the response was already finished: nothing left to tell.
            }
        }
    }
}
