package vn.complaintdesk.duplicates;

import java.util.Map;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.CustomerHistory;
import vn.complaintdesk.security.CurrentStaff;
import vn.complaintdesk.security.StaffRoles;
import vn.complaintdesk.workflow.ComplaintProcess;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.ForbiddenException;
import vn.complaintdesk.workflow.CloseComplaint;

/**
 * Merges a duplicate into the complaint that goes on: the source's handling ends (its process is
 * deleted with the reason, the contract has no status for it, so it is CLOSED), both log books stay
 * and each records the merge, and the target shows the source's file. Agents' work only.
 */
@Service
public class ComplaintMerger {

    public static final String MERGED = "MERGED";

    private final ComplaintRepository complaints;
    private final CustomerHistory history;
    private final DuplicateRecords records;
    private final ComplaintEventLog eventLog;
    private final ComplaintProcess process;
    private final MessageSource messages;
    private final Clock clock;

    public ComplaintMerger(ComplaintRepository complaints, CustomerHistory history, DuplicateRecords records,
            ComplaintEventLog eventLog, ComplaintProcess process, MessageSource messages, Clock clock) {
        this.complaints = complaints;
        this.history = history;
        this.records = records;
        this.eventLog = eventLog;
        this.process = process;
        this.messages = messages;
        this.clock = clock;
    }

    public static boolean mayMerge(CurrentStaff staff) {
        return staff.isIn(StaffRoles.AGENTS);
    }

    @Transactional
    public void merge(String sourceReference, String targetReference, CurrentStaff staff) {
        if (!mayMerge(staff)) {
            throw new ForbiddenException(text("merge.forbidden"));
        }
        records.lockInIdOrder(complaints.require(sourceReference).id(), complaints.require(targetReference).id());
        // Read again under the locks: a merge of the pair that committed while we waited must be seen.
        Complaint source = complaints.require(sourceReference);
        Complaint target = complaints.require(targetReference);
        refuseConflicts(source, target);
        OffsetDateTime now = OffsetDateTime.now(clock);
        try {
            records.merged(source.id(), target.id(), staff.userId(), now);
        } catch (DuplicateKeyException mergedMeanwhile) {
            throw new ConflictException(text("merge.sourceMerged", source.reference()));
        }
        endHandling(source, "merged into " + target.reference());
        complaints.markClosed(source.id(), now, now.plusDays(CloseComplaint.TRACKING_DAYS_AFTER_CLOSING));
        eventLog.record(source.id(), staff.userId(), MERGED, Map.of("into", target.reference()));
        eventLog.record(target.id(), staff.userId(), MERGED, Map.of("from", source.reference()));
    }

    private void refuseConflicts(Complaint source, Complaint target) {
        if (source.id() == target.id()) {
            throw new ConflictException(text("merge.self"));
        }
        if (records.mergedInto(source.id()).isPresent()) {
            throw new ConflictException(text("merge.sourceMerged", source.reference()));
        }
        if (source.status().ended()) {
            throw new ConflictException(text("merge.sourceEnded", source.reference()));
        }
        if (records.mergedInto(target.id()).isPresent() || target.status().ended()) {
            throw new ConflictException(text("merge.targetEnded", target.reference()));
        }
        if (!history.sameCustomer(source, target)) {
            throw new ConflictException(text("merge.otherCustomer", source.reference(), target.reference()));
        }
    }

    /** Deletes the source's process (call activities with it), skipping listeners: this is not a step of it. */
    private void endHandling(Complaint source, String reason) {
        process.end(source.reference(), reason);
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }
}
