package vn.complaintdesk.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Cockpit's plugin API (process statistics and the like) answers only those who may open Cockpit:
 * Camunda's application authorization for {@code cockpit}, as set in Camunda Admin.
 */
@Component
public class CockpitAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final AuthorizationService authorizationService;

    public CockpitAccess(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        CurrentStaff staff = CurrentStaff.of(caller);
        return new AuthorizationDecision(authorizationService.isUserAuthorized(staff.userId(),
                List.copyOf(staff.groups()), ACCESS, APPLICATION, "cockpit"));
    }
}
