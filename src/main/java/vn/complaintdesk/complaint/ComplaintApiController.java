package vn.complaintdesk.complaint;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.complaintdesk.apidocs.ApiDocumentation;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.portal.CustomerEvents;
import vn.complaintdesk.web.NotFoundException;

/** Staff view of a complaint, and customer events entered by staff on the customer's behalf. */
@RestController
@RequestMapping("/api/complaints/{reference}")
@Tag(name = ApiDocumentation.TAG_COMPLAINTS)
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

    @Operation(summary = "Read a complaint", description = "Every staff member may read every complaint.")
    @ApiResponse(responseCode = "200", description = "The complaint with its deadlines, open tasks, log book, "
            + "notifications, letters and probable duplicates")
    @ApiResponse(responseCode = "404", description = "No complaint with this reference")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ComplaintDetails.StaffView get(
            @Parameter(description = "The complaint's reference", example = "KN-2026-000042")
            @PathVariable String reference) {
        return details.staffView(complaints.require(reference));
    }

    @Operation(summary = "Enter a customer event on the customer's behalf", description = """
            For a customer who answered by phone or at the counter: cs-agents and cs-directors only. \
            The body is the event's payload (`CustomerInfoProvided`, `CustomerAnswered`, `SurveyAnswered`).""")
    @ApiResponse(responseCode = "204", description = "Delivered to the procedure")
    @ApiResponse(responseCode = "403", description = "Not a cs-agent or cs-director, or a session write without "
            + "the CSRF token")
    @ApiResponse(responseCode = "404", description = "No complaint with this reference, or an unknown event name")
    @ApiResponse(responseCode = "409", description = "The complaint is not waiting for this event (too early, too "
            + "late, twice), or a timer fired at the same moment")
    @PostMapping("/events/{message}")
    public ResponseEntity<Void> customerEvent(@PathVariable String reference,
            @Parameter(schema = @Schema(allowableValues = {"CustomerInfoProvided", "CustomerAnswered", "SurveyAnswered"}))
            @PathVariable String message,
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
    @Operation(summary = "Download a letter", description = "The stored PDF; its SHA-256 is the letter's `sha256`.")
    @ApiResponse(responseCode = "200", description = "The letter",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such complaint, or no such letter on it")
    @GetMapping("/letters/{id}")
    public ResponseEntity<byte[]> letter(@PathVariable String reference, @PathVariable long id) {
        Complaint complaint = complaints.require(reference);
        return letters.file(complaint, id).map(Letters::download)
                .orElseThrow(() -> new NotFoundException("No letter " + id + " on " + reference));
    }
}
