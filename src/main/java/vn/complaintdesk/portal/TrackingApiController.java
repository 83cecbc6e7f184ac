package vn.complaintdesk.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintDetails;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.web.NotFoundException;

/** The customer's side of the API: no login, an unguessable token per complaint. */
@RestController
@RequestMapping("/api/track/{reference}")
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

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ComplaintDetails.CustomerView track(@PathVariable String reference,
            @RequestParam(required = false) String token) {
        Complaint complaint = authorized(reference, token);
        return details.customerView(complaint, customerEvents.waitingFor(reference));
    }

    /** The information asked for, as JSON with {@code attachments: [{filename, contentBase64}]}. */
    @PostMapping(path = "/info", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> info(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestBody(required = false) Map<String, Object> payload, Locale locale) {
        Complaint complaint = authorized(reference, token);
        Map<String, Object> fields = payload == null ? Map.of() : payload;
        informationAnswers.answer(complaint, fields, CustomerUploads.ofJson(fields.get("attachments"),
                messages.getMessage("attachments.notAList", null, locale),
                messages.getMessage("attachments.notBase64", null, locale)));
        return ResponseEntity.noContent().build();
    }

    /** The information asked for, as a form: field {@code information} and files {@code attachments}. */
    @PostMapping(path = "/info", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Void> infoWithFiles(@PathVariable String reference,
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

    @PostMapping("/answer")
    public ResponseEntity<Void> answer(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestBody(required = false) Map<String, Object> payload) {
        return deliver(reference, token, CustomerEvents.ANSWERED, payload);
    }

    @PostMapping("/survey")
    public ResponseEntity<Void> survey(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestBody(required = false) Map<String, Object> payload) {
        return deliver(reference, token, CustomerEvents.SURVEY_ANSWERED, payload);
    }

    /** The customer's copy of a letter: the very PDF they were mailed. */
    @GetMapping("/letters/{id}")
    public ResponseEntity<byte[]> letter(@PathVariable String reference, @PathVariable long id,
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
