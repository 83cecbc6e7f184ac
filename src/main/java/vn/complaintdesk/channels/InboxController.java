package vn.complaintdesk.channels;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /inbox}: what arrived by e-mail and webhook and what became of it, newest first; the
 * messages set aside (too large, malformed, automatic, from an unknown sender) with the reason, so
 * that an agent can answer them by hand. Agents, directors and admins.
 */
@Controller
public class InboxController {

    private static final int PAGE_SIZE = 50;

    private final InboundMessages inbound;

    public InboxController(InboundMessages inbound) {
        this.inbound = inbound;
    }

    @GetMapping("/inbox")
    public String inbox(@RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") int page,
            Model model) {
        InboundOutcome filter = Arrays.stream(InboundOutcome.values()).filter(o -> o.name().equals(outcome))
                .findFirst().orElse(null);
        int current = Math.max(page, 0);
        long total = inbound.count(filter);
        model.addAttribute("messages", inbound.page(filter, current, PAGE_SIZE));
        model.addAttribute("outcome", filter);
        model.addAttribute("outcomes", InboundOutcome.values());
        model.addAttribute("page", current);
        model.addAttribute("total", total);
        model.addAttribute("lastPage", Math.max(0, (total - 1) / PAGE_SIZE));
        model.addAttribute("setAside", inbound.count(InboundOutcome.SET_ASIDE));
        return "channels/inbox";
    }
}
