package vn.complaintdesk.portal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintDetails;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.intake.AttachmentUpload;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;

/** The customer's pages: file a complaint, and track, answer and rate it with the tracking link. */
@Controller
public class PortalController {

    /** Log book entries a customer may see as "steps done"; the rest is internal. */
    static final Set<String> PUBLIC_STEPS = Set.of("RECEIVED", "ACKNOWLEDGED", "INFO_REQUESTED", "INFO_PROVIDED",
            "INVESTIGATED", "REPLY_SENT", "REPLY_ACCEPTED", "REPLY_REJECTED", "DEEMED_ACCEPTED", "SECOND_ROUND",
            "ESCALATION_FILED", "ESCALATION_OUTCOME", "RESOLVED", "CLOSED", "WITHDRAWN", "TIME_BARRED",
            "SURVEY_ANSWERED", "INTERIM_UPDATE", "CUSTOMER_MESSAGE");

    private final IntakeService intake;
    private final TrackingTokens tokens;
    private final ComplaintDetails details;
    private final CustomerEvents customerEvents;
    private final ComplaintEventLog eventLog;
    private final HandlingRecords records;
    private final MessageSource messages;

    public PortalController(IntakeService intake, TrackingTokens tokens, ComplaintDetails details,
            CustomerEvents customerEvents, ComplaintEventLog eventLog, HandlingRecords records,
            MessageSource messages) {
        this.intake = intake;
        this.tokens = tokens;
        this.details = details;
        this.customerEvents = customerEvents;
        this.eventLog = eventLog;
        this.records = records;
        this.messages = messages;
    }

    @GetMapping("/complaint")
    public String complaintForm(Model model) {
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "portal/file";
    }

    @PostMapping("/complaint")
    public String fileComplaint(@RequestParam Map<String, String> values,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) throws IOException {
        Map<String, String> errors = new HashMap<>();
        List<AttachmentUpload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (!file.isEmpty()) {
                uploads.add(new AttachmentUpload(file.getOriginalFilename(), file.getBytes()));
            }
        }
        Category category = null;
        if (values.get("category") != null && !values.get("category").isBlank()) {
            try {
                category = Category.valueOf(values.get("category"));
            } catch (IllegalArgumentException e) {
                errors.put("category", text("validation.format"));
            }
        }
        LocalDate incidentDate = null;
        if (values.get("incidentDate") != null && !values.get("incidentDate").isBlank()) {
            try {
                incidentDate = LocalDate.parse(values.get("incidentDate"));
            } catch (DateTimeParseException e) {
                errors.put("incidentDate", text("validation.format"));
            }
        }
        String language = "en".equals(values.get("customer.language")) ? "en" : "vi";
        ComplaintSubmission submission = new ComplaintSubmission(Channel.WEB_FORM, null, category,
                values.get("subject"), values.get("description"), incidentDate, null,
                new ComplaintSubmission.CustomerData(values.get("customer.name"), blankToNull(values.get("customer.email")),
                        blankToNull(values.get("customer.phone")), blankToNull(values.get("customer.accountId")), null,
                        language));
        if (errors.isEmpty()) {
            try {
                IntakeAnswer answer = intake.submit(submission, null, null, uploads);
                redirect.addFlashAttribute("answer", answer);
                return "redirect:/complaint/confirmation";
            } catch (InvalidFieldsException invalid) {
                errors.putAll(FieldProblem.byField(invalid.problems()));
            }
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "portal/file";
    }

    /** A request over the server's upload limit never reaches the form handler: answer it politely. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public String uploadTooLarge(Model model) {
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of("attachments", text("attachments.requestTooLarge")));
        return "portal/file";
    }

    @GetMapping("/complaint/confirmation")
    public String confirmation(Model model) {
        if (!model.containsAttribute("answer")) {
            return "redirect:/complaint";
        }
        return "portal/confirmation";
    }

    @GetMapping("/track/{reference}")
    public String track(@PathVariable String reference, @RequestParam(required = false) String token, Model model) {
        Complaint complaint = authorized(reference, token);
        List<String> waitingFor = customerEvents.waitingFor(reference);
        model.addAttribute("complaint", complaint);
        model.addAttribute("token", token);
        model.addAttribute("view", details.customerView(complaint, waitingFor));
        model.addAttribute("steps", eventLog.of(complaint.id()).stream()
                .filter(e -> PUBLIC_STEPS.contains(e.type())).toList());
        model.addAttribute("openQuestions", records.openInfoRequest(complaint.id()).map(r -> r.questions()).orElse(null));
        model.addAttribute("waitingFor", waitingFor);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "portal/track";
    }

    @PostMapping("/track/{reference}/{action}")
    public String customerAction(@PathVariable String reference, @PathVariable String action,
            @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        String token = params.get("token");
        Complaint complaint = authorized(reference, token);
        String message = switch (action) {
            case "info" -> CustomerEvents.INFO_PROVIDED;
            case "answer" -> CustomerEvents.ANSWERED;
            case "survey" -> CustomerEvents.SURVEY_ANSWERED;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        Map<String, Object> payload = new HashMap<>(params);
        payload.remove("token");
        payload.remove("_csrf");
        try {
            customerEvents.deliver(complaint, message, payload, ComplaintEventLog.CUSTOMER);
            redirect.addFlashAttribute("thanks", "portal.thanks." + action);
        } catch (InvalidFieldsException invalid) {
            redirect.addFlashAttribute("errors", FieldProblem.byField(invalid.problems()));
            redirect.addFlashAttribute("values", params);
        } catch (ConflictException tooLateOrTwice) {
            redirect.addFlashAttribute("notice", tooLateOrTwice.getMessage());
        }
        redirect.addAttribute("token", token);
        return "redirect:/track/" + reference;
    }

    private Complaint authorized(String reference, String token) {
        return tokens.complaintFor(reference, token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, locale);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
