package vn.complaintdesk.availability;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers 503 for a controller that met the database away, before any exception handler of the API
 * could turn it into a 500.
 */
@Component
public class DatabaseOutageResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageResolver.class);

    private final OutageAnswer answer;

    public DatabaseOutageResolver(OutageAnswer answer) {
        this.answer = answer;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (!DatabaseUnreachable.causes(failure) || response.isCommitted()) {
            return null;
        }
        log.warn("Database unreachable, {} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
                failure.toString());
        try {
            answer.write(request, response);
        } catch (IOException clientGone) {
            log.debug("503 not delivered: {}", clientGone.toString());
        }
        return new ModelAndView();
    }

    /** Right after Boot's DefaultErrorAttributes, which only records the error. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
