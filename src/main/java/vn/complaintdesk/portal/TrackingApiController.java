package vn.complaintdesk.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.complaintdesk.apidocs.ApiDocumentation;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintDetails;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.web.NotFoundException;

/** The customer's side of the API: no login, an unguessable token per complaint. */
@RestController
@RequestMapping("/api/track/{reference}")
@Tag(name = ApiDocumentation.TAG_TRACKING)
public class TrackingApiController {

    private final TrackingTokens tokens;
    private final ComplaintDetails details;
    private final CustomerEvents customerEvents;
    private final Letters letters;
    private final InformationAnswers informationAnswers;
    private final MessageSource messages;

    public TrackingApiController(TrackingTokens tokens, ComplaintDetails details, CustomerEvents customerEvents,
            Letters letters, InformationAnswers informationAnswers, MessageSource messages) {
        this.informationAnswers = informationAnswers;
        this.messages = messages;
        this.tokens = tokens;
        this.details = details;
        this.customerEvents = customerEvents;
        this.letters = letters;
    }

    @Operation(summary = "Follow a complaint", description = "What the customer may see: status, deadlines, "
            + "their letters and the events the desk waits for from them; nothing internal.")
    @ApiResponse(responseCode = "200", description = "The customer's view of the complaint")
    @ApiResponse(responseCode = "404", description = "Unknown reference, or a wrong, expired or other complaint's token")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ComplaintDetails.CustomerView track(
            @Parameter(description = "The complaint's reference", example = "KN-2026-000042")
            @PathVariable String reference,
            @Parameter(description = "The customer's tracking token", example = "q7Zr0b5S3mWk1yXcVd2e9FhJ4nLpT6uA")
            @RequestParam(required = false) String token) {
        Complaint complaint = authorized(reference, token);
        return details.customerView(complaint, customerEvents.waitingFor(reference));
    }

    /** The information asked for, as JSON with {@code attachments: [{filename, contentBase64}]}. */
    @Operation(summary = "Give the information asked for", description = """
            Message `CustomerInfoProvided`, as JSON or as a form with files (`information`, `attachments`): \
            at most 5 files of 5 MB, PDF/JPEG/PNG/text by content; `information` may be left out when files \
            come. A file over the limits is refused (400 naming `attachments`) and nothing is kept.""")
    @ApiResponse(responseCode = "204", description = "Delivered: the desk analyses the complaint again")
    @ApiResponse(responseCode = "404", description = "Unknown reference, or a wrong, expired or other complaint's token")
    @ApiResponse(responseCode = "409", description = "No information is asked for now (too early, too late, twice)")
    @PostMapping(path = "/info", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> info(@PathVariable String reference,
            @Parameter(description = "The customer's tracking token", example = "q7Zr0b5S3mWk1yXcVd2e9FhJ4nLpT6uA")
            @RequestParam(required = false) String token,
            @RequestBody(required = false) Map<String, Object> payload, Locale locale) {
        Complaint complaint = authorized(reference, token);
        Map<String, Object> fields = payload == null ? Map.of() : payload;
        informationAnswers.answer(complaint, fields, CustomerUploads.ofJson(fields.get("attachments"),
                messages.getMessage("attachments.notAList", null, locale),
                messages.getMessage("attachments.notBase64", null, locale)));
        return ResponseEntity.noContent().build();
    }

    /** The information asked for, as a form: field {@code information} and files {@code attachments}. */
    @Operation(summary = "Give the information asked for", description = """
            Message `CustomerInfoProvided`, as JSON or as a form with files (`information`, `attachments`): \
            at most 5 files of 5 MB, PDF/JPEG/PNG/text by content; `information` may be left out when files \
            come. A file over the limits is refused (400 naming `attachments`) and nothing is kept.""")
    @ApiResponse(responseCode = "204", description = "Delivered: the desk analyses the complaint again")
    @ApiResponse(responseCode = "404", description = "Unknown reference, or a wrong, expired or other complaint's token")
    @ApiResponse(responseCode = "409", description = "No information is asked for now (too early, too late, twice)")
    @PostMapping(path = "/info", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Void> infoWithFiles(@PathVariable String reference,
            @Parameter(description = "The customer's tracking token", example = "q7Zr0b5S3mWk1yXcVd2e9FhJ4nLpT6uA")
            @RequestParam(required = false) String token,
            @RequestParam(name = "information", required = false) String information,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files) {
        Complaint complaint = authorized(reference, token);
        Map<String, Object> fields = new HashMap<>();
        if (information != null) {
            fields.put("information", information);
        }
        informationAnswers.answer(complaint, fields, CustomerUploads.of(files));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Accept or reject the reply", description = "Message `CustomerAnswered`. Silence "
            + "for 10 working days after the letter counts as acceptance.")
    @ApiResponse(responseCode = "204", description = "Delivered: accepted → closing; rejected → second round "
            + "(after the first letter) or external escalation (after the second)")
    @ApiResponse(responseCode = "404", description = "Unknown reference, or a wrong, expired or other complaint's token")
    @ApiResponse(responseCode = "409", description = "No letter is waiting for an answer (too early, too late, twice)")
    @PostMapping("/answer")
    public ResponseEntity<Void> answer(@PathVariable String reference,
            @Parameter(description = "The customer's tracking token", example = "q7Zr0b5S3mWk1yXcVd2e9FhJ4nLpT6uA")
            @RequestParam(required = false) String token,
            @RequestBody(required = false) Map<String, Object> payload) {
        return deliver(reference, token, CustomerEvents.ANSWERED, payload);
    }

    @Operation(summary = "Rate the handling", description = "Message `SurveyAnswered`, from the survey "
            + "invitation (72 hours after closing) until 14 days later.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "Unknown reference, or a wrong, expired or other complaint's token")
    @ApiResponse(responseCode = "409", description = "No survey is open (too early, too late, twice)")
    @PostMapping("/survey")
    public ResponseEntity<Void> survey(@PathVariable String reference,
            @Parameter(description = "The customer's tracking token", example = "q7Zr0b5S3mWk1yXcVd2e9FhJ4nLpT6uA")
            @RequestParam(required = false) String token,
            @RequestBody(required = false) Map<String, Object> payload) {
        return deliver(reference, token, CustomerEvents.SURVEY_ANSWERED, payload);
    }

    /** The customer's copy of a letter: the very PDF they were mailed. */
    @Operation(summary = "Download one of my letters", description = "The very PDF the customer was mailed.")
    @ApiResponse(responseCode = "200", description = "The letter",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such letter, unknown reference, or a wrong, expired or "
            + "other complaint's token")
    @GetMapping("/letters/{id}")
    public ResponseEntity<byte[]> letter(@PathVariable String reference, @PathVariable long id,
            @Parameter(description = "The customer's tracking token", example = "q7Zr0b5S3mWk1yXcVd2e9FhJ4nLpT6uA")
            @RequestParam(required = false) String token) {
        Complaint complaint = authorized(reference, token);
        return letters.file(complaint, id).map(Letters::download)
                .orElseThrow(() -> new NotFoundException("No such letter"));
    }

    private ResponseEntity<Void> deliver(String reference, String token, String message, Map<String, Object> payload) {
        Complaint complaint = authorized(reference, token);
        customerEvents.deliver(complaint, message, payload == null ? Map.of() : payload, ComplaintEventLog.CUSTOMER);
        return ResponseEntity.noContent().build();
    }

    /** A wrong, expired or other complaint's token looks exactly like an unknown complaint: 404. */
    private Complaint authorized(String reference, String token) {
        return tokens.complaintFor(reference, token)
                .orElseThrow(() -> new NotFoundException("No complaint " + reference + " for this tracking link"));
    }
}
