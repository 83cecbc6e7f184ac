package vn.complaintdesk.alerts;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The notification centre: my alerts, newest unread first; opening one marks it read. */
@Controller
public class AlertsController {

    private static final int SHOWN = 200;

    private final StaffAlerts alerts;

    public AlertsController(StaffAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/notifications")
    public String list(Authentication authentication, Model model) {
        model.addAttribute("alerts", alerts.of(authentication.getName(), SHOWN));
        return "alerts/list";
    }

    /** For a page that refreshes its badge without reloading. */
    @GetMapping("/notifications/unread")
    @ResponseBody
    public Map<String, Long> unread(Authentication authentication) {
        return Map.of("unread", alerts.unread(authentication.getName()));
    }

    @PostMapping("/notifications/{id}/read")
    public String read(@PathVariable long id, Authentication authentication) {
        alerts.markRead(authentication.getName(), id);
        return "redirect:/notifications";
    }

    /** Marks it read and goes to the complaint it is about. */
    @PostMapping("/notifications/{id}/open")
    public String open(@PathVariable long id, Authentication authentication) {
        alerts.markRead(authentication.getName(), id);
        return alerts.of(authentication.getName(), SHOWN).stream().filter(a -> a.id() == id).findFirst()
                .map(a -> "redirect:/complaints/" + a.reference()).orElse("redirect:/notifications");
    }

    @PostMapping("/notifications/read-all")
    public String readAll(Authentication authentication) {
        alerts.markAllRead(authentication.getName());
        return "redirect:/notifications";
    }
}
