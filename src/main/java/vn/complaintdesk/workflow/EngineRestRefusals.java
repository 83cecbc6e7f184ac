package vn.complaintdesk.workflow;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A task completed through {@code /engine-rest} without the contract's fields, or by someone the
 * task's rules refuse (four eyes), is refused by our task listener; Camunda wraps that in a 500.
 * This answers it as what it is: a 400 or a 403 (and an unknown task id as 404).
 * {@link EngineClientErrorLogging} keeps such refusals out of the ERROR log.
 */
@Configuration
public class EngineRestRefusals {

    @Bean
    ResourceConfigCustomizer refusedCompletionIsABadRequest() {
        return config -> config.register(RefusedCompletionMapper.class).register(RefusedCommandMapper.class);
    }

    /** Refusals Camunda wraps in a {@link RestException} (completing, submitting a form). */
    @Priority(1)
    public static class RefusedCompletionMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return Refusals.of(exception).orElseGet(() -> camundaDefault.toResponse(exception));
        }
    }

    /** Refusals Camunda lets through unwrapped (claiming, assigning): its default answers them 500. */
    @Priority(1)
    public static class RefusedCommandMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return Refusals.of(exception).orElseGet(() -> camundaDefault.toResponse(exception));
        }
    }

    private static final class Refusals {

        private Refusals() {
        }

        static Optional<Response> of(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException refused) {
                    return Optional.of(refusal(Response.Status.BAD_REQUEST, "InvalidRequestException",
                            refused.getMessage()));
                }
                if (cause instanceof AuthorizationException refused) {
                    return Optional.of(refusal(Response.Status.FORBIDDEN, "AuthorizationException",
                            refused.getMessage()));
                }
                // Camunda answers 500 for a task id that does not exist; it is the caller's mistake.
                if (cause instanceof NullValueException missing && String.valueOf(missing.getMessage())
                        .startsWith("Cannot find")) {
                    return Optional.of(refusal(Response.Status.NOT_FOUND, "InvalidRequestException",
                            missing.getMessage()));
                }
            }
            return Optional.empty();
        }

        private static Response refusal(Response.Status status, String type, String message) {
            String json = "{\"type\":" + quote(type) + ",\"message\":" + quote(message == null ? "" : message) + "}";
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(json).build();
        }

        private static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
