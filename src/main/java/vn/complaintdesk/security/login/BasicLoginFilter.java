package vn.complaintdesk.security.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.complaintdesk.security.ClientAddress;

/**
 * HTTP Basic login, placed before the CSRF check so that the check can tell a request whose Basic
 * credentials were verified just now (no browser sends those by itself from another site) from one
 * that merely carries some {@code Authorization} header next to a session cookie.
 */
public class BasicLoginFilter extends BasicAuthenticationFilter {

    private static final String VERIFIED = BasicLoginFilter.class.getName() + ".verified";

    /** For the CSRF check: this request's Basic credentials were verified. */
    public static final RequestMatcher AUTHENTICATED_BY_BASIC = request -> request.getAttribute(VERIFIED) != null;

    public BasicLoginFilter(AuthenticationManager logins, LoginRefusals refusals, ClientAddress clientAddress) {
        super(logins, refusals.basic());
        setAuthenticationDetailsSource(request -> new LoginAttempt(clientAddress.of(request), LoginDoor.BASIC));
    }

    @Override
    protected boolean authenticationIsRequired(String username) {
        // A session of the same user proves nothing about these credentials: check them every time.
        return true;
    }

    @Override
    protected void onSuccessfulAuthentication(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        request.setAttribute(VERIFIED, Boolean.TRUE);
    }
}
