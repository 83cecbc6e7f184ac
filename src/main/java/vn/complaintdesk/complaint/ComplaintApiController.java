package vn.complaintdesk.complaint;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.portal.CustomerEvents;
import vn.complaintdesk.web.NotFoundException;

/** Staff view of a complaint, and customer events entered by staff on the customer's behalf. */
@RestController
@RequestMapping("/api/complaints/{reference}")
public class ComplaintApiController {

    private final ComplaintRepository complaints;
    private final ComplaintDetails details;
    private final CustomerEvents customerEvents;
    private final Letters letters;

    public ComplaintApiController(ComplaintRepository complaints, ComplaintDetails details,
            CustomerEvents customerEvents, Letters letters) {
        this.complaints = complaints;
        this.details = details;
        this.customerEvents = customerEvents;
        this.letters = letters;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ComplaintDetails.StaffView get(@PathVariable String reference) {
        return details.staffView(complaints.require(reference));
    }

    @PostMapping("/events/{message}")
    public ResponseEntity<Void> customerEvent(@PathVariable String reference, @PathVariable String message,
            @RequestBody(required = false) Map<String, Object> payload, Authentication authentication) {
        // Entering an event for the customer is front-desk work: agents and directors, not every reader.
        vn.complaintdesk.security.CurrentStaff staff = vn.complaintdesk.security.CurrentStaff.of(authentication);
        if (!staff.mayEnterCustomerEvents()) {
            throw new vn.complaintdesk.web.ForbiddenException("Only cs-agents and cs-directors enter customer events");
        }
        Complaint complaint = complaints.require(reference);
        customerEvents.deliver(complaint, message, payload == null ? Map.of() : payload, authentication.getName());
        return ResponseEntity.noContent().build();
    }

    /** The letter's PDF as stored (immutable; its SHA-256 is the letter's {@code sha256} and the ETag). */
    @GetMapping("/letters/{id}")
    public ResponseEntity<byte[]> letter(@PathVariable String reference, @PathVariable long id) {
        Complaint complaint = complaints.require(reference);
        return letters.file(complaint, id).map(Letters::download)
                .orElseThrow(() -> new NotFoundException("No letter " + id + " on " + reference));
    }
}
