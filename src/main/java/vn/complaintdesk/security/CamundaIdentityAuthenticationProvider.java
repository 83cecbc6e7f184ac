package vn.complaintdesk.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import vn.complaintdesk.security.login.LoginAttempt;
import vn.complaintdesk.security.login.LoginAudit;
import vn.complaintdesk.security.login.LoginDoor;
import vn.complaintdesk.security.login.LoginOutcome;
import vn.complaintdesk.security.login.LoginThrottle;
import vn.complaintdesk.security.login.LoginThrottledException;

/**
 * Checks passwords against Camunda's identity service, so users and groups are managed in
 * Camunda Admin. The Spring user name is the Camunda user id; each group becomes a role.
 * Every attempt passes the login throttle first and is written to the login audit.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final LoginAttempt FROM_NOWHERE_KNOWN = new LoginAttempt("unknown", LoginDoor.BASIC);

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final LoginAudit audit;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
            LoginAudit audit) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName() == null ? "" : authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        LoginAttempt attempt = authentication.getDetails() instanceof LoginAttempt details ? details : FROM_NOWHERE_KNOWN;
        Optional<Duration> wait = throttle.waitBefore(userId, attempt.address());
        if (wait.isPresent()) {
            audit.record(userId, attempt, LoginOutcome.THROTTLED);
            throw new LoginThrottledException(wait.get());
        }
        // Camunda's own lock after failed passwords is switched off (application.yml): the throttle decides.
        if (userId.isBlank() || !identityService.checkPassword(userId, password)) {
            throttle.recordFailure(userId, attempt.address());
            audit.record(userId, attempt, LoginOutcome.FAILURE);
            throw new BadCredentialsException("Bad credentials");
        }
        audit.record(userId, attempt, LoginOutcome.SUCCESS);
        List<GrantedAuthority> roles = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(StaffRoles::authorityOf)
                .map(SimpleGrantedAuthority::new)
                .map(GrantedAuthority.class::cast)
                .toList();
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(userId, null, roles);
        result.setDetails(attempt);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
