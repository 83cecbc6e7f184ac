package vn.complaintdesk.alerts;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in staff member's unread alerts, for the menu badge and the page title
 * ({@code ${@unreadAlerts.count()}}); read once per request.
 */
@Component("unreadAlerts")
public class UnreadAlerts {

    private static final String ATTRIBUTE = UnreadAlerts.class.getName();

    private final StaffAlerts alerts;

    public UnreadAlerts(StaffAlerts alerts) {
        this.alerts = alerts;
    }

    public long count() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return 0;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Long known) {
            return known;
        }
        long unread = alerts.unread(authentication.getName());
        if (request != null) {
            request.setAttribute(ATTRIBUTE, unread, RequestAttributes.SCOPE_REQUEST);
        }
        return unread;
    }
}
