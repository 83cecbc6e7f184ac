package vn.complaintdesk.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' page of failed messages, with a retry per message (camunda-admin only). */
@Controller
public class FailedNotificationsController {

    private static final int SHOWN = 200;

    private final FailedNotifications failed;
    private final OutboxDispatcher dispatcher;

    public FailedNotificationsController(FailedNotifications failed, OutboxDispatcher dispatcher) {
        this.failed = failed;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/admin/notifications")
    public String list(Model model) {
        model.addAttribute("failed", failed.list(SHOWN));
        model.addAttribute("total", failed.count());
        return "admin/notifications";
    }

    @PostMapping("/admin/notifications/{id}/retry")
    public String retry(@PathVariable long id, RedirectAttributes redirect) {
        boolean queued = dispatcher.retry(id);
        redirect.addFlashAttribute(queued ? "success" : "notice", queued ? "outbox.retried" : "outbox.notFailed");
        dispatcher.wakeUp();
        return "redirect:/admin/notifications";
    }
}
