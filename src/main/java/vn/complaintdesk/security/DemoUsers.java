package vn.complaintdesk.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups with their authorizations always, and the contract's demo users
 * (password {@code demo}) only when {@code complaints.demo-data=true}.
 */
@Component
public class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Quản", "Trị", StaffRoles.ADMIN),
            new DemoUser("agent", "Lan", "Nguyễn", StaffRoles.AGENTS),
            new DemoUser("agent2", "Minh", "Trần", StaffRoles.AGENTS),
            new DemoUser("tech", "Hùng", "Lê", StaffRoles.DEPT_TECHNICAL),
            new DemoUser("finance", "Hoa", "Phạm", StaffRoles.DEPT_FINANCE),
            new DemoUser("ops", "Tuấn", "Võ", StaffRoles.DEPT_OPERATIONS),
            new DemoUser("director", "Thảo", "Đặng", StaffRoles.DIRECTORS),
            new DemoUser("director2", "Quang", "Vũ", StaffRoles.DIRECTORS),
            new DemoUser("legal", "Quang", "Bùi", StaffRoles.LEGAL),
            new DemoUser("auditor", "Mai", "Hoàng", StaffRoles.AUDITORS),
            new DemoUser("analyst", "Dũng", "Đỗ", StaffRoles.ANALYSTS));

    private final IdentityService identityService;
    private final GroupAuthorizations groupAuthorizations;
    private final boolean demoData;

    public DemoUsers(IdentityService identityService, GroupAuthorizations groupAuthorizations,
            @Value("${complaints.demo-data:false}") boolean demoData) {
        this.identityService = identityService;
        this.groupAuthorizations = groupAuthorizations;
        this.demoData = demoData;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void createIdentities() {
        groupAuthorizations.ensureGroupsAndAuthorizations();
        if (!demoData) {
            return;
        }
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@complaint-desk.local");
                user.setPassword("demo");
                identityService.saveUser(user);
            }
            if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
                identityService.createMembership(demo.id(), demo.group());
            }
        }
        log.info("Demo users ready: {} (password 'demo')", USERS.stream().map(DemoUser::id).toList());
    }
}
