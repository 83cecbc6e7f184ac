package vn.complaintdesk.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The address a request comes from, as the login throttle and the audit see it. The one place to
 * change when forwarded headers of trusted proxies are to be believed.
 */
@Component
public class ClientAddress {

    public String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
