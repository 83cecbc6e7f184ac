package vn.complaintdesk.portal;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits the public calls (intake, tracking, channel webhooks, customer pages) per client address:
 * at most {@code perMinute} requests in each clock minute, then 429 with {@code Retry-After}.
 * {@code perMinute = 0} switches it off.
 */
public class PublicRateLimit extends OncePerRequestFilter {

    private record Window(long minute, AtomicInteger count) {
    }

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public PublicRateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
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
        if (windows.size() > MAX_TRACKED_CLIENTS) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window window = windows.compute(request.getRemoteAddr(),
                (client, current) -> current == null || current.minute() != minute
                        ? new Window(minute, new AtomicInteger()) : current);
        if (window.count().incrementAndGet() > perMinute) {
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
