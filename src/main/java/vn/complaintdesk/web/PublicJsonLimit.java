package vn.complaintdesk.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body to the public intake and tracking calls is a few kilobytes (a description is at most
 * 10,000 characters); one over {@code complaints.public-json-max-size} (default 1 MB) is refused
 * with 413 before anyone reads it. Files go as multipart, with their own limits.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 20)
public class PublicJsonLimit extends OncePerRequestFilter {

    private final long maxBytes;

    public PublicJsonLimit(@Value("${complaints.public-json-max-size:1MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes && isJson(request) && isPublicCall(request)) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).contains("json");
    }

    private static boolean isPublicCall(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/complaints") || path.startsWith("/api/track/");
    }
}
