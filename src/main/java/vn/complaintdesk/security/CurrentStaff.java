package vn.complaintdesk.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The logged-in staff member: user id and Camunda groups. */
public record CurrentStaff(String userId, Set<String> groups) {

    public static CurrentStaff of(Authentication authentication) {
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new CurrentStaff(authentication.getName(), groups);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    /** Entering an event for the customer is front-desk work: agents and directors. */
    public boolean mayEnterCustomerEvents() {
        return isIn(StaffRoles.AGENTS) || isIn(StaffRoles.DIRECTORS);
    }

    /** Every staff member working complaints may note; auditors only read. */
    public boolean mayAddNotes() {
        return !groups.isEmpty() && !groups.equals(Set.of(StaffRoles.AUDITORS));
    }
}
