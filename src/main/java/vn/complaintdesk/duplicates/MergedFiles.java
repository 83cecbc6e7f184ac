package vn.complaintdesk.duplicates;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.intake.Attachments;

/** What the target's page shows of each complaint merged into it: its attachments and its log book (notes included). */
@Component
public class MergedFiles {

    public record MergedFile(Complaint complaint, List<Attachments.Attachment> attachments,
            List<ComplaintEventLog.Event> events) {
    }

    private final DuplicateRecords records;
    private final Attachments attachments;
    private final ComplaintEventLog eventLog;

    public MergedFiles(DuplicateRecords records, Attachments attachments, ComplaintEventLog eventLog) {
        this.records = records;
        this.attachments = attachments;
        this.eventLog = eventLog;
    }

    public List<MergedFile> of(Complaint target) {
        return records.mergedFrom(target.id()).stream()
                .map(source -> new MergedFile(source, attachments.of(source.id()), eventLog.of(source.id())))
                .toList();
    }
}
