package vn.complaintdesk.tasks;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.complaintdesk.apidocs.ApiDocumentation;
import vn.complaintdesk.security.CurrentStaff;

/** The contract's staff task API. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = ApiDocumentation.TAG_TASKS)
public class TaskApiController {

    public record TaskJson(@Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED, example = "ApproveResolution") String taskKey,
            @Schema(requiredMode = REQUIRED, example = "Phê duyệt phương án") String name,
            @Schema(requiredMode = REQUIRED, example = "KN-2026-000042") String reference,
            @Schema(requiredMode = REQUIRED) OffsetDateTime created,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime due,
            @Schema(requiredMode = REQUIRED, nullable = true, example = "director") String assignee) {

        static TaskJson of(TaskView view) {
            return new TaskJson(view.id(), view.taskKey(), view.name(), view.reference(), view.created(), view.due(),
                    view.assignee());
        }
    }

    private final TaskWork work;

    public TaskApiController(TaskWork work) {
        this.work = work;
    }

    @Operation(summary = "My open tasks", description = "The open tasks the caller may work: assigned to them, or "
            + "unassigned in one of their groups.")
    @ApiResponse(responseCode = "200", description = "The tasks, oldest first")
    @GetMapping
    public List<TaskJson> openTasks(
            @Parameter(description = "Only this complaint's tasks", example = "KN-2026-000042")
            @RequestParam(required = false) String reference,
            @Parameter(description = "Only tasks of this key", example = "AnalyzeComplaint")
            @RequestParam(required = false) String taskKey, Authentication authentication) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        return work.openTasksFor(staff.userId(), staff.groups(), new TaskWork.Filter(reference, taskKey)).stream()
                .map(TaskJson::of).toList();
    }

    @Operation(summary = "Claim a task")
    @ApiResponse(responseCode = "204", description = "The task is the caller's")
    @ApiResponse(responseCode = "403", description = "The caller's groups may not work this task, or a session write "
            + "without the CSRF token")
    @ApiResponse(responseCode = "404", description = "No task with this id ever existed")
    @ApiResponse(responseCode = "409", description = "Someone else holds it, or it is already completed")
    @PostMapping("/{id}/claim")
    public ResponseEntity<Void> claim(@PathVariable String id, Authentication authentication) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        work.claim(id, staff.userId(), staff.groups());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Release a task", description = "Back to the group's queue.")
    @ApiResponse(responseCode = "204", description = "Released")
    @ApiResponse(responseCode = "403", description = "The caller's groups may not work this task, or a session write "
            + "without the CSRF token")
    @ApiResponse(responseCode = "404", description = "No task with this id ever existed")
    @ApiResponse(responseCode = "409", description = "Someone else holds it, or it is already completed")
    @PostMapping("/{id}/unclaim")
    public ResponseEntity<Void> unclaim(@PathVariable String id, Authentication authentication) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        work.unclaim(id, staff.userId(), staff.groups());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Complete a task", description = """
            With exactly the task's contract fields (`TaskCompletion`, by the task's `taskKey`); the same rules \
            hold for our forms, Camunda Tasklist and `/engine-rest`. An unclaimed task of the caller's groups is \
            claimed first.""")
    @ApiResponse(responseCode = "204", description = "Completed: the procedure goes on")
    @ApiResponse(responseCode = "400", description = "Invalid fields, or fields the task does not take, each named "
            + "in `errors`")
    @ApiResponse(responseCode = "403", description = "The caller's groups may not work this task; the approval of a "
            + "proposal the caller wrote (four eyes); or a session write without the CSRF token")
    @ApiResponse(responseCode = "404", description = "No task with this id ever existed")
    @ApiResponse(responseCode = "409", description = "Someone else holds it, or it is already completed")
    @PostMapping("/{id}/complete")
    public ResponseEntity<Void> complete(@PathVariable String id,
            @RequestBody(required = false) Map<String, Object> fields, Authentication authentication, Locale locale) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        work.complete(id, staff.userId(), staff.groups(), fields == null ? Map.of() : fields, locale);
        return ResponseEntity.noContent().build();
    }
}
