package vn.complaintdesk.complaint;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.complaintdesk.duplicates.ComplaintMerger;
import vn.complaintdesk.duplicates.MergedFiles;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.portal.CustomerEvents;
import vn.complaintdesk.security.CurrentStaff;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/** Staff pages: complaint search, the complaint page, and intake of phone, counter and post complaints. */
@Controller
public class ComplaintPagesController {


    private final ComplaintRepository complaints;
    private final ComplaintSearch search;
    private final ComplaintDetails details;
    private final CustomerEvents customerEvents;
    private final IntakeService intake;
    private final vn.complaintdesk.intake.Attachments attachments;
    private final InternalNotes notes;
    private final MergedFiles mergedFiles;
    private final vn.complaintdesk.letters.IntakeReceipts receipts;
    private final ZoneId zone;
    private final org.springframework.context.MessageSource messages;

    public ComplaintPagesController(org.springframework.context.MessageSource messages, ComplaintRepository complaints, ComplaintSearch search, ComplaintDetails details,
            CustomerEvents customerEvents, IntakeService intake, WorkingDayCalendar calendar,
            vn.complaintdesk.intake.Attachments attachments, InternalNotes notes, MergedFiles mergedFiles,
            vn.complaintdesk.letters.IntakeReceipts receipts) {
        this.mergedFiles = mergedFiles;
        this.attachments = attachments;
        this.receipts = receipts;
        this.notes = notes;
        this.messages = messages;
        this.complaints = complaints;
        this.search = search;
        this.details = details;
        this.customerEvents = customerEvents;
        this.intake = intake;
        this.zone = calendar.zone();
    }

    @GetMapping("/complaints")
    public String search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", search.search(q, status, page));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        return "complaints/search";
    }

    @GetMapping("/complaints/{reference}")
    public String complaint(@PathVariable String reference, Authentication authentication, Model model) {
        Complaint complaint = complaints.findByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentStaff staff = CurrentStaff.of(authentication);
        model.addAttribute("complaint", complaint);
        ComplaintDetails.StaffView view = details.staffView(complaint);
        model.addAttribute("view", view);
        model.addAttribute("attachments", attachments.of(complaint.id()));
        model.addAttribute("workable", view.openTasks().stream()
                .filter(t -> t.assignee() == null ? t.candidateGroups().stream().anyMatch(staff.groups()::contains)
                        : t.assignee().equals(staff.userId()))
                .map(ComplaintDetails.OpenTask::id).toList());
        model.addAttribute("mayAddNotes", staff.mayAddNotes());
        boolean mayEnter = staff.mayEnterCustomerEvents();
        model.addAttribute("waitingForInfo", mayEnter && customerEvents.isWaitingFor(reference, CustomerEvents.INFO_PROVIDED));
        model.addAttribute("waitingForAnswer", mayEnter && customerEvents.isWaitingFor(reference, CustomerEvents.ANSWERED));
        model.addAttribute("mergeTargets", ComplaintMerger.mayMerge(staff) && !complaint.status().ended()
                ? view.probableDuplicates().stream().filter(d -> !ComplaintStatus.valueOf(d.status()).ended())
                        .map(ComplaintDetails.DuplicateJson::reference).toList()
                : List.of());
        model.addAttribute("mergedFiles", mergedFiles.of(complaint));
        return "complaints/detail";
    }

    @GetMapping("/complaints/{reference}/attachments/{id}")
    public org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable String reference,
            @PathVariable long id) {
        Complaint complaint = complaints.findByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var content = attachments.content(complaint.id(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Type", content.contentType())
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(content.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    @PostMapping("/complaints/{reference}/notes")
    public String addNote(@PathVariable String reference, @RequestParam(required = false) String body,
            @RequestParam(name = "attachment", required = false) org.springframework.web.multipart.MultipartFile file,
            Authentication authentication, RedirectAttributes redirect) throws java.io.IOException {
        CurrentStaff staff = CurrentStaff.of(authentication);
        if (!staff.mayAddNotes()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Complaint complaint = complaints.findByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        vn.complaintdesk.intake.AttachmentUpload upload = file == null || file.isEmpty() ? null
                : new vn.complaintdesk.intake.AttachmentUpload(file.getOriginalFilename(), file.getBytes());
        try {
            notes.add(complaint, staff.userId(), body, upload);
            redirect.addFlashAttribute("success", "note.added");
        } catch (InvalidFieldsException invalid) {
            redirect.addFlashAttribute("eventErrors", invalid.problems());
        }
        return "redirect:/complaints/" + reference;
    }

    @PostMapping("/complaints/{reference}/events/{message}")
    public String customerEvent(@PathVariable String reference, @PathVariable String message,
            @RequestParam Map<String, String> params, Authentication authentication, RedirectAttributes redirect) {
        CurrentStaff staff = CurrentStaff.of(authentication);
        if (!staff.mayEnterCustomerEvents()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Complaint complaint = complaints.findByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, Object> payload = new HashMap<>(params);
        payload.remove("_csrf");
        try {
            customerEvents.deliver(complaint, message, payload, staff.userId());
            redirect.addFlashAttribute("success", "event." + message);
        } catch (InvalidFieldsException invalid) {
            redirect.addFlashAttribute("eventErrors", invalid.problems());
        } catch (ConflictException | vn.complaintdesk.web.NotFoundException refused) {
            redirect.addFlashAttribute("notice", refused.getMessage());
        }
        return "redirect:/complaints/" + reference;
    }

    @GetMapping("/complaints/new")
    public String newComplaint(Model model) {
        model.addAttribute("values", Map.of("channel", "HOTLINE", "customer.language", "vi"));
        model.addAttribute("errors", Map.of());
        return "complaints/new";
    }

    @PostMapping("/complaints/new")
    public String recordComplaint(@RequestParam MultiValueMap<String, String> params, Authentication authentication,
            Model model, RedirectAttributes redirect) {
        Map<String, String> values = params.toSingleValueMap();
        Map<String, String> errors = new HashMap<>();
        ComplaintSubmission submission = submissionOf(values, errors);
        if (errors.isEmpty()) {
            try {
                IntakeAnswer answer = intake.submit(submission, authentication.getName(), null);
                redirect.addFlashAttribute("recorded", answer);
                complaints.findByReference(answer.reference()).flatMap(receipts::of)
                        .ifPresent(receipt -> redirect.addFlashAttribute("receipt", receipt));
                return "redirect:/complaints/" + answer.reference();
            } catch (InvalidFieldsException invalid) {
                errors.putAll(vn.complaintdesk.web.FieldProblem.byField(invalid.problems()));
            }
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "complaints/new";
    }

    /** Form fields to the intake record; unparseable values become field errors, not exceptions. */
    private ComplaintSubmission submissionOf(Map<String, String> v, Map<String, String> errors) {
        return new ComplaintSubmission(
                enumOf(Channel.class, v.get("channel"), "channel", errors),
                enumOf(SocialNetwork.class, v.get("socialNetwork"), "socialNetwork", errors),
                enumOf(Category.class, v.get("category"), "category", errors),
                v.get("subject"), v.get("description"),
                dateOf(v.get("incidentDate"), "incidentDate", errors),
                dateTimeOf(v.get("receivedAt"), "receivedAt", errors),
                new ComplaintSubmission.CustomerData(v.get("customer.name"), blankToNull(v.get("customer.email")),
                        blankToNull(v.get("customer.phone")), blankToNull(v.get("customer.accountId")),
                        enumOf(CustomerTier.class, v.get("customer.tier"), "customer.tier", errors),
                        blankToNull(v.get("customer.language"))));
    }

    private <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(field, invalidValue());
            return null;
        }
    }

    private LocalDate dateOf(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, invalidValue());
            return null;
        }
    }

    private java.time.OffsetDateTime dateTimeOf(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
        } catch (DateTimeException e) {
            errors.put(field, invalidValue());
            return null;
        }
    }

    private String invalidValue() {
        return messages.getMessage("validation.format", null,
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
