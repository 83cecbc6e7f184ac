package vn.complaintdesk.complaint;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The customer page: all complaints of one customer (by account id, e-mail or phone), and the contact log. */
@Controller
public class CustomerHistoryController {

    private final ComplaintRepository complaints;
    private final CustomerHistory history;

    public CustomerHistoryController(ComplaintRepository complaints, CustomerHistory history) {
        this.complaints = complaints;
        this.history = history;
    }

    @GetMapping("/customers/history")
    public String history(@RequestParam(required = false) String complaint,
            @RequestParam(required = false) String accountId, @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone, Model model) {
        Complaint.Customer customer;
        if (complaint != null && !complaint.isBlank()) {
            customer = complaints.findByReference(complaint.strip())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).customer();
        } else {
            customer = new Complaint.Customer(null, blank(email), blank(phone), blank(accountId), CustomerTier.STANDARD,
                    "vi");
        }
        List<CustomerHistory.Entry> entries = history.of(customer);
        model.addAttribute("customer", entries.isEmpty() ? customer : entries.get(0).complaint().customer());
        model.addAttribute("entries", entries);
        model.addAttribute("contacts", history.contactLog(entries.stream().map(CustomerHistory.Entry::complaint).toList()));
        return "customers/history";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
