package vn.complaintdesk.security.login;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/** The login page again for a throttled attempt (forwarded by {@link LoginRefusals#form()}): 429 and when to retry. */
@Controller
public class ThrottledLoginController {

    @PostMapping(LoginRefusals.THROTTLED_PAGE)
    public String throttled(@RequestAttribute(name = LoginRefusals.RETRY_AFTER, required = false) Long retryAfter,
            HttpServletResponse response, Model model) {
        if (retryAfter == null) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("retryAfterSeconds", retryAfter);
        return "login";
    }
}
