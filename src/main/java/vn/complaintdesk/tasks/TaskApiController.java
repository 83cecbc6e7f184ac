package vn.complaintdesk.tasks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.complaintdesk.security.CurrentStaff;

/** The contract's staff task API. */
@RestController
@RequestMapping("/api/tasks")
public class TaskApiController {

    public record TaskJson(String id, String taskKey, String name, String reference, java.time.OffsetDateTime created,
            java.time.OffsetDateTime due, String assignee) {

        static TaskJson of(TaskView view) {
            return new TaskJson(view.id(), view.taskKey(), view.name(), view.reference(), view.created(), view.due(),
                    view.assignee());
        }
    }

    private final TaskWork work;

    public TaskApiController(TaskWork work) {
        this.work = work;
    }

    @GetMapping
    public List<TaskJson> openTasks(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String taskKey, Authentication authentication) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        return work.openTasksFor(staff.userId(), staff.groups(), new TaskWork.Filter(reference, taskKey)).stream()
                .map(TaskJson::of).toList();
    }

    @PostMapping("/{id}/claim")
    public ResponseEntity<Void> claim(@PathVariable String id, Authentication authentication) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        work.claim(id, staff.userId(), staff.groups());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    public ResponseEntity<Void> unclaim(@PathVariable String id, Authentication authentication) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        work.unclaim(id, staff.userId(), staff.groups());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/complete")
    public ResponseEntity<Void> complete(@PathVariable String id,
            @RequestBody(required = false) Map<String, Object> fields, Authentication authentication, Locale locale) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        work.complete(id, staff.userId(), staff.groups(), fields == null ? Map.of() : fields, locale);
        return ResponseEntity.noContent().build();
    }
}
