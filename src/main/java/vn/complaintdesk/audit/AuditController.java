package vn.complaintdesk.audit;

import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintDetails;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.intake.Attachments;
import vn.complaintdesk.web.DateParameters;

/** The auditor's complaint file (read-only, auditors and directors): search, CSV export, one file. */
@Controller
public class AuditController {

    private final AuditSearch search;
    private final AuditTimeline timeline;
    private final AuditCsv csv;
    private final ComplaintRepository complaints;
    private final ComplaintDetails details;
    private final HandlingRecords records;
    private final Attachments attachments;
    private final ComplaintEventLog eventLog;
    private final AuditFilePdf filePdf;
    private final DateParameters dates;

    public AuditController(DateParameters dates, AuditFilePdf filePdf, AuditSearch search, AuditTimeline timeline, AuditCsv csv, ComplaintRepository complaints,
            ComplaintDetails details, HandlingRecords records, Attachments attachments, ComplaintEventLog eventLog) {
        this.dates = dates;
        this.filePdf = filePdf;
        this.search = search;
        this.timeline = timeline;
        this.csv = csv;
        this.complaints = complaints;
        this.details = details;
        this.records = records;
        this.attachments = attachments;
        this.eventLog = eventLog;
    }

    @GetMapping("/audit/complaints")
    public String search(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String department,
            @RequestParam(defaultValue = "false") boolean deadlineMissed, @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditSearch.Criteria criteria = criteria(reference, customer, from, to, status, category, channel, department,
                deadlineMissed);
        model.addAttribute("criteria", criteria);
        model.addAttribute("result", search.page(criteria, page));
        return "audit/search";
    }

    @GetMapping("/audit/complaints.csv")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String reference,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String department,
            @RequestParam(defaultValue = "false") boolean deadlineMissed) {
        AuditSearch.Criteria criteria = criteria(reference, customer, from, to, status, category, channel, department,
                deadlineMissed);
        byte[] body = csv.of(search.all(criteria));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("complaints.csv", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/audit/complaints/{reference}")
    public String file(@PathVariable String reference, Authentication authentication, Model model) {
        Complaint complaint = complaints.findByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // Who opened which file, and when, is itself part of the record.
        eventLog.record(complaint.id(), authentication.getName(), "FILE_OPENED", Map.of("view", "FILE"));
        long id = complaint.id();
        model.addAttribute("complaint", complaint);
        model.addAttribute("view", details.staffView(complaint));
        model.addAttribute("timeline", timeline.of(complaint));
        model.addAttribute("investigations", records.investigations(id));
        model.addAttribute("proposal", records.latestProposal(id).orElse(null));
        model.addAttribute("approval", records.latestApproval(id).orElse(null));
        model.addAttribute("answer", records.latestCustomerAnswer(id).orElse(null));
        model.addAttribute("escalation", records.escalation(id).orElse(null));
        model.addAttribute("survey", records.survey(id).orElse(null));
        model.addAttribute("attachments", attachments.of(id));
        return "audit/file";
    }

    @GetMapping("/audit/complaints/{reference}.pdf")
    public ResponseEntity<byte[]> filePdf(@PathVariable String reference, Authentication authentication,
            java.util.Locale locale) {
        Complaint complaint = complaints.findByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        eventLog.record(complaint.id(), authentication.getName(), "FILE_OPENED", Map.of("view", "PDF"));
        byte[] pdf = filePdf.render(complaint, details.staffView(complaint), timeline.of(complaint), locale,
                authentication.getName());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reference + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    private AuditSearch.Criteria criteria(String reference, String customer, String from, String to, String status,
            String category, String channel, String department, boolean deadlineMissed) {
        LocalDate start = dates.day("from", from, null);
        LocalDate end = dates.day("to", to, null);
        dates.period(start, end);
        return new AuditSearch.Criteria(reference, customer, start, end, status, category, channel, department,
                deadlineMissed);
    }

}
