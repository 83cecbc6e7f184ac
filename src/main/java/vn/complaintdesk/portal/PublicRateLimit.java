package vn.complaintdesk.portal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.complaintdesk.security.ClientAddress;

/**
 * Limits the public calls (intake, tracking, channel webhooks, customer pages) per client address,
 * across all nodes: at most {@code perMinute} requests in each clock minute, then 429 with
 * {@code Retry-After}. The address is the one {@link ClientAddress} sees through trusted proxies.
 * {@code perMinute = 0} switches it off.
 */
public class PublicRateLimit extends OncePerRequestFilter {

    /** Counts one call of a client in a minute and answers the minute's count so far. */
    @FunctionalInterface
    public interface CallCounter {
        int countCall(String client, long minute);
    }

    private static final Logger log = LoggerFactory.getLogger(PublicRateLimit.class);

    private final int perMinute;
    private final Clock clock;
    private final ClientAddress clientAddress;
    private final CallCounter counter;

    public PublicRateLimit(int perMinute, Clock clock, ClientAddress clientAddress, CallCounter counter) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.clientAddress = clientAddress;
        this.counter = counter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (perMinute <= 0 || isExempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        long now = clock.millis();
        long minute = now / 60_000;
        int calls;
        try {
            calls = counter.countCall(clientAddress.of(request), minute);
        } catch (DataAccessException databaseAway) {
            // Not counted is better than refused: the call itself meets the outage and answers 503.
            log.debug("Public call not counted: {}", databaseAway.toString());
            chain.doFilter(request, response);
            return;
        }
        if (calls > perMinute) {
            long retryAfter = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            response.setCharacterEncoding("UTF-8");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                    + "\"detail\":\"Too many requests from your address; please try again in " + retryAfter
                    + " seconds. / Quá nhiều yêu cầu, vui lòng thử lại sau " + retryAfter + " giây.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Only the public intake call is limited on /api/complaints; staff reading a complaint is not. */
    private static boolean isExempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/complaints") && !"POST".equals(request.getMethod())
                || "GET".equals(request.getMethod()) && path.startsWith("/complaint") && !path.startsWith("/complaint/");
    }
}
