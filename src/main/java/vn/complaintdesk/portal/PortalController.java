package vn.complaintdesk.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintDetails;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.letters.LetterheadProperties;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;

/** The customer's pages: file a complaint, and track, answer and rate it with the tracking link. */
@Controller
public class PortalController {

    /** Fields of the complaint form a customer must fill; each has its own "please enter …" message. */
    private static final List<String> REQUIRED = List.of("category", "incidentDate", "subject", "description",
            "customer.name");

    /** The tracking link does not fit the complaint (wrong, expired, someone else's, or no such complaint). */
    static final class LinkNotValid extends RuntimeException {
        private final String reference;

        LinkNotValid(String reference) {
            super(null, null, false, false);
            this.reference = reference;
        }
    }

    private final IntakeService intake;
    private final TrackingTokens tokens;
    private final ComplaintDetails details;
    private final CustomerEvents customerEvents;
    private final InformationAnswers informationAnswers;
    private final AwaitedReplies awaitedReplies;
    private final TrackingLinkRequests linkRequests;
    private final ComplaintEventLog eventLog;
    private final HandlingRecords records;
    private final MessageSource messages;
    private final Clock clock;
    private final LetterheadProperties letterhead;

    public PortalController(IntakeService intake, TrackingTokens tokens, ComplaintDetails details,
            CustomerEvents customerEvents, InformationAnswers informationAnswers, AwaitedReplies awaitedReplies,
            TrackingLinkRequests linkRequests, ComplaintEventLog eventLog, HandlingRecords records,
            MessageSource messages, Clock clock, LetterheadProperties letterhead) {
        this.letterhead = letterhead;
        this.intake = intake;
        this.tokens = tokens;
        this.details = details;
        this.customerEvents = customerEvents;
        this.informationAnswers = informationAnswers;
        this.awaitedReplies = awaitedReplies;
        this.linkRequests = linkRequests;
        this.eventLog = eventLog;
        this.records = records;
        this.messages = messages;
        this.clock = clock;
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
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Category category = null;
        if (!blank(values.get("category"))) {
            try {
                category = Category.valueOf(values.get("category"));
            } catch (IllegalArgumentException e) {
                errors.put("category", text("portal.required.category"));
            }
        }
        LocalDate incidentDate = null;
        if (!blank(values.get("incidentDate"))) {
            try {
                incidentDate = LocalDate.parse(values.get("incidentDate"));
            } catch (DateTimeParseException e) {
                errors.put("incidentDate", text("portal.incidentDate.format"));
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
                IntakeAnswer answer = intake.submit(submission, null, null, CustomerUploads.of(files));
                redirect.addFlashAttribute("answer", answer);
                return "redirect:/complaint/confirmation";
            } catch (InvalidFieldsException invalid) {
                errors.putAll(forCustomers(invalid.problems(), values, incidentDate));
            }
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "portal/file";
    }

    /**
     * The intake rules' messages say what is wrong in a word ("là bắt buộc"); a customer is told what
     * is expected instead ("Vui lòng nhập họ tên"). Other messages (formats, lengths, files) stay.
     */
    private Map<String, String> forCustomers(List<FieldProblem> problems, Map<String, String> values,
            LocalDate incidentDate) {
        Map<String, String> errors = new LinkedHashMap<>(FieldProblem.byField(problems));
        for (String field : REQUIRED) {
            if (errors.containsKey(field) && blank(values.get(field))) {
                errors.put(field, text("portal.required." + field));
            }
        }
        if (errors.containsKey("customer.email") && blank(values.get("customer.email"))
                && blank(values.get("customer.phone"))) {
            errors.put("customer.email", text("portal.required.contact"));
        }
        if (errors.containsKey("incidentDate") && incidentDate != null && incidentDate.isAfter(LocalDate.now(clock))) {
            errors.put("incidentDate", text("portal.incidentDate.future"));
        }
        return errors;
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
        model.addAttribute("timeline", CustomerTimeline.of(eventLog.of(complaint.id())));
        model.addAttribute("openQuestions", records.openInfoRequest(complaint.id()).map(r -> r.questions()).orElse(null));
        model.addAttribute("reply", awaitedReplies.of(complaint, waitingFor).orElse(null));
        model.addAttribute("waitingFor", waitingFor);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        return "portal/track";
    }

    @PostMapping("/track/{reference}/{action}")
    public String customerAction(@PathVariable String reference, @PathVariable String action,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        String token = params.get("token");
        Complaint complaint = authorized(reference, token);
        Map<String, Object> payload = new HashMap<>(params);
        payload.remove("token");
        payload.remove("_csrf");
        try {
            switch (action) {
                case "info" -> informationAnswers.answer(complaint, payload, CustomerUploads.of(files));
                case "answer" -> customerEvents.deliver(complaint, CustomerEvents.ANSWERED, payload,
                        ComplaintEventLog.CUSTOMER);
                case "survey" -> customerEvents.deliver(complaint, CustomerEvents.SURVEY_ANSWERED, payload,
                        ComplaintEventLog.CUSTOMER);
                default -> throw new LinkNotValid(reference);
            }
            redirect.addFlashAttribute("thanks", "portal.thanks." + action);
        } catch (InvalidFieldsException invalid) {
            redirect.addFlashAttribute("errors", FieldProblem.byField(invalid.problems()));
            redirect.addFlashAttribute("values", params);
            redirect.addFlashAttribute("failed", action);
        } catch (ConflictException tooLateOrTwice) {
            redirect.addFlashAttribute("notice", tooLateOrTwice.getMessage());
        }
        redirect.addAttribute("token", token);
        return "redirect:/track/" + reference + "#" + ("answer".equals(action) ? "reply" : action) + "-section";
    }

    /** The page for a link that does not open a complaint: what may have happened, and a way on. */
    @ExceptionHandler(LinkNotValid.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String linkNotValid(LinkNotValid notValid, Model model) {
        // An exception handler's model starts empty: the advice's attributes are not in it.
        model.addAttribute("letterhead", letterhead);
        model.addAttribute("reference", notValid.reference);
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "portal/link-not-valid";
    }

    /** Always the same answer, so that nobody learns whether a reference exists or whose it is. */
    @PostMapping("/track/new-link")
    public String requestNewLink(@RequestParam Map<String, String> values, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(values.get("reference"))) {
            errors.put("reference", text("portal.newLink.referenceRequired"));
        }
        if (blank(values.get("email")) || !values.get("email").strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", text("portal.newLink.emailRequired"));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("reference", values.get("reference"));
            model.addAttribute("values", values);
            model.addAttribute("errors", errors);
            return "portal/link-not-valid";
        }
        linkRequests.request(values.get("reference"), values.get("email"));
        return "redirect:/track/new-link/sent";
    }

    @GetMapping("/track/new-link/sent")
    public String newLinkSent() {
        return "portal/link-sent";
    }

    private Complaint authorized(String reference, String token) {
        return tokens.complaintFor(reference, token).orElseThrow(() -> new LinkNotValid(reference));
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, locale);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.strip();
    }
}
