package vn.complaintdesk.templates;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.complaintdesk.security.CurrentStaff;
import vn.complaintdesk.security.StaffRoles;

/** The library page where directors and administrators keep the templates (reply texts and information requests). */
@Controller
public class ReplyTemplateLibraryController {

    private final ReplyTemplates library;
    private final MessageSource messages;

    public ReplyTemplateLibraryController(ReplyTemplates library, MessageSource messages) {
        this.library = library;
        this.messages = messages;
    }

    /** Runs before every page of this controller: the library is the directors' and admins' only. */
    @ModelAttribute
    void onlyDirectorsAndAdmins(Authentication authentication) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        if (!staff.isIn(StaffRoles.DIRECTORS) && !staff.isIn(StaffRoles.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    @GetMapping("/reply-templates")
    public String list(@RequestParam(required = false) String q, @RequestParam(required = false) String purpose,
            @RequestParam(defaultValue = "0") int page, Model model) {
        // An unknown purpose in the address lists every template rather than failing.
        TemplatePurpose filter = TemplatePurpose.named(purpose).orElse(null);
        model.addAttribute("result", library.search(q, filter, page));
        model.addAttribute("q", q);
        model.addAttribute("purpose", filter == null ? null : filter.name());
        model.addAttribute("purposes", TemplatePurpose.values());
        return "replytemplates/list";
    }

    @GetMapping("/reply-templates/new")
    public String newTemplate(@RequestParam(required = false) String purpose, Model model) {
        String chosen = TemplatePurpose.named(purpose).orElse(TemplatePurpose.REPLY).name();
        return form(model, 0, new ReplyTemplateDraft("", "vi", chosen, "", true), Map.of());
    }

    @PostMapping("/reply-templates/new")
    public String create(@RequestParam(required = false) String name, @RequestParam(required = false) String language,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String body,
            Authentication authentication, Locale locale, Model model, RedirectAttributes redirect) {
        ReplyTemplateDraft draft = new ReplyTemplateDraft(name, language, purpose, body, true);
        Map<String, String> problems = draft.problems(0, library, messages, locale);
        if (!problems.isEmpty()) {
            return form(model, 0, draft, problems);
        }
        library.create(draft.name(), draft.language(), draft.purposeChosen(), draft.body(), authentication.getName());
        redirect.addFlashAttribute("saved", draft.name());
        return "redirect:/reply-templates";
    }

    @GetMapping("/reply-templates/{id}")
    public String edit(@PathVariable long id, Model model) {
        return form(model, id, ReplyTemplateDraft.of(existing(id)), Map.of());
    }

    @PostMapping("/reply-templates/{id}")
    public String update(@PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String language, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String body, @RequestParam(defaultValue = "false") boolean active,
            Authentication authentication, Locale locale, Model model, RedirectAttributes redirect) {
        existing(id);
        ReplyTemplateDraft draft = new ReplyTemplateDraft(name, language, purpose, body, active);
        Map<String, String> problems = draft.problems(id, library, messages, locale);
        if (!problems.isEmpty()) {
            return form(model, id, draft, problems);
        }
        library.update(id, draft.name(), draft.language(), draft.purposeChosen(), draft.body(), draft.active(),
                authentication.getName());
        redirect.addFlashAttribute("saved", draft.name());
        return "redirect:/reply-templates";
    }

    @PostMapping("/reply-templates/{id}/deactivate")
    public String deactivate(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        ReplyTemplate template = existing(id);
        library.deactivate(id, authentication.getName());
        redirect.addFlashAttribute("deactivated", template.name());
        return "redirect:/reply-templates";
    }

    private ReplyTemplate existing(long id) {
        return library.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, long id, ReplyTemplateDraft draft, Map<String, String> errors) {
        model.addAttribute("templateId", id);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("placeholders", Placeholders.KNOWN);
        model.addAttribute("purposes", TemplatePurpose.values());
        return "replytemplates/form";
    }
}
