package vn.complaintdesk.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static vn.complaintdesk.security.StaffRoles.ADMIN;
import static vn.complaintdesk.security.StaffRoles.ANALYSTS;
import static vn.complaintdesk.security.StaffRoles.AUDITORS;
import static vn.complaintdesk.security.StaffRoles.DIRECTORS;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The staff groups are the roles of the desk: they exist in every profile, each with the Camunda
 * authorizations its work needs. Idempotent; an administrator may add more in Camunda Admin.
 */
@Component
public class GroupAuthorizations {

    private static final String ANY = "*";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    public GroupAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    public void ensureGroupsAndAuthorizations() {
        StaffRoles.ALL.forEach(this::ensureGroup);
        for (Resources resource : Resources.values()) {
            grant(ADMIN, resource, ANY, ALL);
        }
        for (String group : StaffRoles.ALL) {
            if (group.equals(ADMIN)) {
                continue;
            }
            grant(group, APPLICATION, "tasklist", ACCESS);
            grant(group, APPLICATION, "welcome", ACCESS);
            grant(group, FILTER, ANY, READ);
            grant(group, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_HISTORY);
            grant(group, PROCESS_INSTANCE, ANY, READ);
            grant(group, DECISION_DEFINITION, ANY, READ);
            grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
        }
        for (String group : List.of(DIRECTORS, AUDITORS, ANALYSTS)) {
            grant(group, APPLICATION, "cockpit", ACCESS);
            grant(group, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
            grant(group, DEPLOYMENT, ANY, READ);
        }
        // Scripts in a BPMN run with the application's rights: only analysts (and admins) deploy.
        grant(ANALYSTS, DEPLOYMENT, ANY, READ, CREATE);
    }

    private void ensureGroup(String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(groupId);
            group.setType(groupId.equals(ADMIN) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream()
                .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
                .findFirst().orElse(null);
        boolean missing = authorization == null;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
