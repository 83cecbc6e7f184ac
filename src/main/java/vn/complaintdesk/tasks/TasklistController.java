package vn.complaintdesk.tasks;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.security.CurrentStaff;
import vn.complaintdesk.templates.ReplyTemplates;
import vn.complaintdesk.templates.TemplatePurpose;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.ForbiddenException;
import vn.complaintdesk.web.InvalidFieldsException;
import vn.complaintdesk.web.NotFoundException;

/** Our tasklist and the task forms of forms/ (form key {@code /forms/<TaskKey>}). */
@Controller
public class TasklistController {

    static final List<String> TASK_KEYS = List.of("AnalyzeComplaint", "InvestigateInDepartment", "ProposeResolution",
            "ApproveResolution", "ReviewSecondRound", "HandleExternalEscalation", "RecordEscalationOutcome",
            "RecordLessonsLearned", "RecoverDissatisfiedCustomer", "ClassifyCustomerReply");

    /** Parameters every page takes (CSRF token, language switch): not completion fields. */
    private static final Set<String> FORM_TECHNICAL_PARAMETERS = Set.of("_csrf", "lang");

    private final TaskWork work;
    private final TaskFormContexts contexts;
    private final Tasklist tasklist;
    private final ReplyTemplates replyTemplates;
    private final TaskRulesRegistry rules;

    public TasklistController(TaskWork work, TaskFormContexts contexts, Tasklist tasklist,
            ReplyTemplates replyTemplates, TaskRulesRegistry rules) {
        this.work = work;
        this.contexts = contexts;
        this.tasklist = tasklist;
        this.replyTemplates = replyTemplates;
        this.rules = rules;
    }

    @GetMapping("/tasks")
    public String tasklist(@RequestParam(required = false) String view,
            @RequestParam(required = false) String taskKey, @RequestParam(required = false) String priority,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String q,
            @RequestParam(required = false) String reference, @RequestParam(defaultValue = "0") int page,
            Authentication authentication, Model model) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        String search = q != null ? q : reference;
        Tasklist.Query query = new Tasklist.Query(view, taskKey, priority, overdue, category, channel, search, page);
        model.addAttribute("page", tasklist.page(staff.userId(), staff.groups(), query));
        model.addAttribute("query", query);
        model.addAttribute("tasks", ((Tasklist.Page) model.getAttribute("page")).rows());
        model.addAttribute("taskKeys", TASK_KEYS);
        return "tasks/list";
    }

    /** Camunda Tasklist opens external forms as {@code /forms/<TaskKey>?taskId=…}: send it to ours. */
    @GetMapping("/forms/{taskKey}")
    public String fromCamundaTasklist(@PathVariable String taskKey, @RequestParam String taskId) {
        return "redirect:/tasks/" + UriUtils.encodePathSegment(taskId, StandardCharsets.UTF_8);
    }

    @GetMapping("/tasks/{taskId}")
    public String form(@PathVariable String taskId, Authentication authentication, Model model,
            RedirectAttributes redirect) {
        Task task;
        try {
            task = work.require(taskId);
        } catch (ConflictException | NotFoundException gone) {
            redirect.addFlashAttribute("notice", gone.getMessage());
            return "redirect:/tasks";
        }
        CurrentStaff staff = CurrentStaff.of(authentication);
        if (!work.mayWork(task, staff.userId(), staff.groups())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "task.notYourGroup");
        }
        populate(model, task, staff.userId(), Map.of(), List.of());
        return formTemplate(task);
    }

    @PostMapping("/tasks/{taskId}")
    public String submit(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> params,
            Authentication authentication, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        Map<String, Object> fields = new HashMap<>();
        params.forEach((name, values) -> {
            if (!FORM_TECHNICAL_PARAMETERS.contains(name)) {
                fields.put(name, values.size() == 1 ? values.get(0) : List.copyOf(values));
            }
        });
        Task task;
        try {
            task = work.require(taskId);
        } catch (ConflictException | NotFoundException gone) {
            redirect.addFlashAttribute("notice", gone.getMessage());
            return "redirect:/tasks";
        }
        try {
            work.complete(taskId, staff.userId(), staff.groups(), fields, locale);
        } catch (InvalidFieldsException invalid) {
            // Refused before anything changed: the task is as it was read above.
            populate(model, task, staff.userId(), fields, invalid.problems());
            return formTemplate(task);
        } catch (ForbiddenException refused) {
            if (work.refusal(task, work.complaintOf(task), staff.userId()).isPresent()) {
                // Four eyes: the form again, with the note that someone else decides.
                response.setStatus(HttpStatus.FORBIDDEN.value());
                populate(model, task, staff.userId(), fields, List.of());
                return formTemplate(task);
            }
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "task.notYourGroup");
        } catch (ConflictException | NotFoundException refused) {
            redirect.addFlashAttribute("notice", refused.getMessage());
            return "redirect:/tasks";
        }
        redirect.addFlashAttribute("success", task.getTaskDefinitionKey());
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{taskId}/claim")
    public String claim(@PathVariable String taskId, Authentication authentication, RedirectAttributes redirect) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        try {
            work.claim(taskId, staff.userId(), staff.groups());
        } catch (ConflictException | NotFoundException | ForbiddenException refused) {
            redirect.addFlashAttribute("notice", refused.getMessage());
        }
        return "redirect:/tasks";
    }

    @PostMapping("/tasks/{taskId}/unclaim")
    public String unclaim(@PathVariable String taskId, Authentication authentication, RedirectAttributes redirect) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        try {
            work.unclaim(taskId, staff.userId(), staff.groups());
        } catch (ConflictException | NotFoundException | ForbiddenException refused) {
            redirect.addFlashAttribute("notice", refused.getMessage());
        }
        return "redirect:/tasks";
    }

    private void populate(Model model, Task task, String userId, Map<String, Object> values,
            List<FieldProblem> problems) {
        Complaint complaint = work.complaintOf(task);
        Map<String, String> errors = FieldProblem.byField(problems);
        model.addAttribute("task", work.view(task, complaint));
        model.addAttribute("complaint", complaint);
        model.addAttribute("context", contexts.of(task, complaint));
        model.addAttribute("customerReply", contexts.customerReply(task).orElse(null));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldOptions", rules.forTask(task.getTaskDefinitionKey())
                .map(TaskFieldRules::options).orElse(Map.of()));
        model.addAttribute("refusal", work.refusal(task, complaint, userId).orElse(null));
        TemplatePurpose purpose = TemplatePurpose.ofTask(task.getTaskDefinitionKey()).orElse(null);
        if (complaint != null && purpose != null) {
            model.addAttribute("replyTemplates", replyTemplates.activeFor(complaint.customer().language(), purpose));
        }
    }

    private static String formTemplate(Task task) {
        String formKey = task.getFormKey();
        String name = formKey == null ? task.getTaskDefinitionKey() : formKey.substring(formKey.lastIndexOf('/') + 1);
        return "forms/" + name.replaceAll("[^A-Za-z0-9]", "");
    }
}
