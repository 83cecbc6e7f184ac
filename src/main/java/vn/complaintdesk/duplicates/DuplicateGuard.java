package vn.complaintdesk.duplicates;

import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.CustomerHistory;

/**
 * Flags a new complaint as a probable duplicate when the same customer (account id, e-mail or phone
 * in common, as in their history) already has a complaint in handling of the same category, that
 * came in through another channel within {@code complaints.duplicates.window-days} (default 14) of
 * it. The agent decides: the flag only shows both sides and offers the merge.
 */
@Service
public class DuplicateGuard {

    public static final String FLAGGED = "PROBABLE_DUPLICATE";

    private final ComplaintRepository complaints;
    private final CustomerHistory history;
    private final DuplicateRecords records;
    private final ComplaintEventLog eventLog;
    private final Clock clock;
    private final Duration window;

    public DuplicateGuard(ComplaintRepository complaints, CustomerHistory history, DuplicateRecords records,
            ComplaintEventLog eventLog, Clock clock, @Value("${complaints.duplicates.window-days:14}") int windowDays) {
        this.complaints = complaints;
        this.history = history;
        this.records = records;
        this.eventLog = eventLog;
        this.clock = clock;
        this.window = Duration.ofDays(windowDays);
    }

    /** Called at intake, once the new complaint is stored and its handling started (or refused). */
    public void checkNewComplaint(long complaintId) {
        Complaint complaint = complaints.findById(complaintId).orElseThrow();
        if (complaint.status().ended()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Complaint earlier : sameMatter(complaint)) {
            records.flag(complaint.id(), earlier.id(), now);
            eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, FLAGGED,
                    Map.of("sameAs", earlier.reference(), "channel", earlier.channel(), "receivedAt", earlier.receivedAt()));
            eventLog.record(earlier.id(), ComplaintEventLog.SYSTEM, FLAGGED,
                    Map.of("later", complaint.reference(), "channel", complaint.channel()));
        }
    }

    private List<Complaint> sameMatter(Complaint complaint) {
        return history.receivedBetween(complaint.customer(), complaint.receivedAt().minus(window),
                complaint.receivedAt().plus(window)).stream()
                .filter(other -> other.id() != complaint.id())
                .filter(other -> other.category() == complaint.category())
                .filter(other -> other.channel() != complaint.channel())
                .filter(other -> !other.status().ended())
                .toList();
    }
}
