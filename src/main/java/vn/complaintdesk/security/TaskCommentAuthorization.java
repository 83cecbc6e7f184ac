package vn.complaintdesk.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Camunda lets anyone who can reach a task add a comment to it; the desk lets only those who work
 * it: its assignee, its candidate users and members of its candidate groups (and administrators).
 */
@Component
public class TaskCommentAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final TaskService taskService;

    public TaskCommentAuthorization(TaskService taskService) {
        this.taskService = taskService;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        String taskId = context.getVariables().get(EngineApiPaths.TASK_ID);
        if (caller == null || !caller.isAuthenticated() || taskId == null) {
            return new AuthorizationDecision(false);
        }
        CurrentStaff staff = CurrentStaff.of(caller);
        return new AuthorizationDecision(staff.isIn(StaffRoles.ADMIN) || works(staff, taskId));
    }

    private boolean works(CurrentStaff staff, String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return false;
        }
        if (staff.userId().equals(task.getAssignee())) {
            return true;
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (staff.userId().equals(link.getUserId()) || link.getGroupId() != null && staff.isIn(link.getGroupId())) {
                return true;
            }
        }
        return false;
    }
}
