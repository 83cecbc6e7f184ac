package vn.complaintdesk.duplicates;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.complaintdesk.complaint.ComplaintNotFoundException;
import vn.complaintdesk.security.CurrentStaff;
import vn.complaintdesk.web.ConflictException;

/** The complaint page's "Merge into KN-…" button: merges, then shows the complaint that goes on. */
@Controller
public class MergePagesController {

    private final ComplaintMerger merger;
    private final MessageSource messages;

    public MergePagesController(ComplaintMerger merger, MessageSource messages) {
        this.merger = merger;
        this.messages = messages;
    }

    @PostMapping("/complaints/{reference}/merge-into/{target}")
    public String merge(@PathVariable String reference, @PathVariable String target, Authentication authentication,
            RedirectAttributes redirect) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        if (!ComplaintMerger.mayMerge(staff)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        try {
            merger.merge(reference, target, staff);
        } catch (ComplaintNotFoundException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("notice", refused.getMessage());
            return "redirect:/complaints/" + reference;
        } catch (OptimisticLockingException busy) {
            redirect.addFlashAttribute("notice", messages.getMessage("problem.concurrent", null, LocaleContextHolder.getLocale()));
            return "redirect:/complaints/" + reference;
        }
        redirect.addFlashAttribute("merged", reference);
        return "redirect:/complaints/" + target;
    }
}
