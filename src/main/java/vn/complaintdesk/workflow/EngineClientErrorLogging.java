package vn.complaintdesk.workflow;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Camunda logs every exception that ends a command at ERROR with its stack trace
 * ({@code ENGINE-16004}, logger {@code org.camunda.bpm.engine.context}); it lowers that only for
 * exceptions it raises itself, not for our task listener's refusal, which it wraps. A refusal of
 * what a caller sent (fields a task does not take, an unknown id, a missing right) while
 * answering an HTTP request is the client's mistake, answered 4xx: it is logged here as one INFO
 * line. The same exceptions outside a request (a job, a timer) and every other error stay ERROR.
 */
@Component
public class EngineClientErrorLogging extends TurboFilter {

    static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    private static final Logger log = LoggerFactory.getLogger(EngineClientErrorLogging.class);

    public EngineClientErrorLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(f -> f instanceof EngineClientErrorLogging)) {
            setName("engine-client-errors");
            start();
            logback.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable t) {
        if (level != Level.ERROR || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())
                || RequestContextHolder.getRequestAttributes() == null) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t != null ? t : lastThrowable(params);
        Throwable refusal = clientMistake(thrown);
        if (refusal == null) {
            return FilterReply.NEUTRAL;
        }
        log.info("Engine refused a client's request: {}", refusal.getMessage());
        return FilterReply.DENY;
    }

    static Throwable clientMistake(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException || cause instanceof NullValueException
                    || cause instanceof AuthorizationException) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable thrown
                ? thrown : null;
    }
}
