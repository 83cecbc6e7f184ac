package vn.complaintdesk.availability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a failure that comes from the database being away, wherever it is met
 * (reading the session, the security context, a page's queries), answers 503 instead of 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final OutageAnswer answer;

    public DatabaseOutageFilter(OutageAnswer answer) {
        this.answer = answer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseUnreachable.causes(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("Database unreachable, {} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
                    failure.toString());
            answer.write(request, response);
        }
    }
}
