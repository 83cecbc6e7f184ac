package vn.complaintdesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.complaintdesk.complaint.LogParams;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.CustomerHistory;
import vn.complaintdesk.complaint.CustomerTier;
import vn.complaintdesk.complaint.Deadline;
import vn.complaintdesk.complaint.PhoneNumbers;
import vn.complaintdesk.complaint.DeadlineRepository;
import vn.complaintdesk.duplicates.DuplicateGuard;
import vn.complaintdesk.letters.IntakeReceipts;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.workflow.ComplaintProcess;

/**
 * Records a complaint from any channel and starts its handling. The limitation check and triage
 * run synchronously in the process, inside this transaction, so the answer already carries the
 * status and the deadlines.
 */
@Service
public class IntakeService {


    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntakeRules rules;
    private final ReferenceNumbers references;
    private final ComplaintRepository complaints;
    private final DeadlineRepository deadlines;
    private final ComplaintEventLog eventLog;
    private final ComplaintProcess process;
    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Attachments attachments;
    private final DuplicateGuard duplicates;
    private final IntakeReceipts receipts;
    private final CustomerHistory history;

    public IntakeService(IntakeRules rules, ReferenceNumbers references, ComplaintRepository complaints,
            DeadlineRepository deadlines, ComplaintEventLog eventLog, ComplaintProcess process, JdbcClient jdbc,
            ObjectMapper objectMapper, Clock clock, PlatformTransactionManager transactionManager,
            Attachments attachments, DuplicateGuard duplicates, IntakeReceipts receipts, CustomerHistory history) {
        this.history = history;
        this.attachments = attachments;
        this.duplicates = duplicates;
        this.receipts = receipts;
        this.transaction = new TransactionTemplate(transactionManager);
        this.rules = rules;
        this.references = references;
        this.complaints = complaints;
        this.deadlines = deadlines;
        this.eventLog = eventLog;
        this.process = process;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /**
     * @param staffUser the staff member recording it, or null for the customer themself
     * @param idempotencyKey optional; a retry with the same key and body answers the first result
     */
    public IntakeAnswer submit(ComplaintSubmission submission, String staffUser, String idempotencyKey) {
        return submit(submission, staffUser, idempotencyKey, List.of());
    }

    /** As above, with files attached; they are checked with the fields and stored with the complaint. */
    public IntakeAnswer submit(ComplaintSubmission submission, String staffUser, String idempotencyKey,
            List<AttachmentUpload> uploads) {
        return submit(submission, staffUser, idempotencyKey, uploads, null);
    }

    /**
     * A customer's message from a channel the desk reads itself (the support mailbox, a signed
     * webhook): received when it reached the desk ({@code arrivedAt}, never later than now), so
     * that a mail read hours after it arrived loses none of its deadlines.
     */
    public IntakeAnswer submitArrived(ComplaintSubmission submission, String idempotencyKey,
            List<AttachmentUpload> uploads, OffsetDateTime arrivedAt) {
        return submit(submission, null, idempotencyKey, uploads, arrivedAt);
    }

    private IntakeAnswer submit(ComplaintSubmission submission, String staffUser, String idempotencyKey,
            List<AttachmentUpload> uploads, OffsetDateTime arrivedAt) {
        var problems = new ArrayList<>(rules.problemsOf(submission, staffUser != null));
        problems.addAll(attachments.problemsOf(uploads));
        if (!problems.isEmpty()) {
            throw new vn.complaintdesk.web.InvalidFieldsException(problems);
        }
        String requestHash = hash(submission);
        if (idempotencyKey != null) {
            Optional<IntakeAnswer> earlier = earlierAnswer(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime arrived = arrivedAt == null || arrivedAt.isAfter(now) ? now : arrivedAt;
        OffsetDateTime receivedAt = (submission.receivedAt() != null ? submission.receivedAt() : arrived)
                .atZoneSameInstant(clock.getZone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
        // The number is taken in its own short transaction before the main one, so intakes never
        // wait for each other's process start and never hold two pooled connections at once.
        String reference = references.next(receivedAt.getYear());
        return transaction.execute(status -> record(submission, staffUser, idempotencyKey, requestHash, reference,
                receivedAt, now, uploads));
    }

    private IntakeAnswer record(ComplaintSubmission submission, String staffUser, String idempotencyKey,
            String requestHash, String reference, OffsetDateTime receivedAt, OffsetDateTime now,
            List<AttachmentUpload> uploads) {
        var customerData = submission.customer();
        Complaint.Customer customer = new Complaint.Customer(customerData.name().strip(),
                blankToNull(customerData.email()), PhoneNumbers.e164(customerData.phone()).orElse(null),
                blankToNull(customerData.accountId()), null,
                customerData.language() == null ? "vi" : customerData.language());
        Complaint complaint = new Complaint(0, reference, ComplaintStatus.RECEIVED, submission.channel(),
                submission.socialNetwork(), submission.category(), null, null, submission.subject().strip(),
                submission.description().strip(), submission.incidentDate(), receivedAt,
                new Complaint.Customer(customer.name(), customer.email(), customer.phone(), customer.accountId(),
                        tierOf(customer, customerData.tier(), staffUser), customer.language(),
                        blankToNull(customerData.phone())),
                newTrackingToken(), null, 1, staffUser == null ? ComplaintEventLog.CUSTOMER : staffUser, null);
        long id = complaints.insert(complaint);
        if (idempotencyKey != null) {
            jdbc.sql("""
                    INSERT INTO intake_request (idempotency_key, request_hash, complaint_id, created_at)
                    VALUES (:key, :hash, :id, :now)""")
                    .param("key", idempotencyKey).param("hash", requestHash).param("id", id).param("now", now)
                    .update();
        }
        eventLog.record(id, staffUser == null ? ComplaintEventLog.CUSTOMER : staffUser, "RECEIVED",
                LogParams.of("channel", submission.channel(), "category", submission.category(),
                        "attachments", uploads.size(), "receivedAt", recordedLater(receivedAt, now) ? receivedAt : null,
                        "recordedAt", recordedLater(receivedAt, now) ? now : null));
        attachments.store(id, uploads, staffUser == null ? ComplaintEventLog.CUSTOMER : staffUser);

        process.start(complaints.findById(id).orElseThrow());
        duplicates.checkNewComplaint(id);
        // After the synchronous limitation check and triage: the status and deadlines are set.
        receipts.issueFor(complaints.findById(id).orElseThrow());
        return answerFor(id);
    }

    /**
     * The tier routes the complaint (triage priority), so only staff may set it; anyone else gets
     * the desk's record of that customer.
     */
    private CustomerTier tierOf(Complaint.Customer customer, CustomerTier claimed, String staffUser) {
        if (staffUser != null && claimed != null) {
            return claimed;
        }
        return history.tierRecordedByStaff(customer).orElse(CustomerTier.STANDARD);
    }

    /** Entered later than the customer sent it (a letter, a call noted afterwards): both times are logged. */
    private static boolean recordedLater(OffsetDateTime receivedAt, OffsetDateTime now) {
        return Duration.between(receivedAt, now).abs().compareTo(Duration.ofMinutes(1)) > 0;
    }

    public IntakeAnswer answerFor(long complaintId) {
        Complaint stored = complaints.findById(complaintId).orElseThrow();
        Map<String, OffsetDateTime> due = new HashMap<>();
        deadlines.of(complaintId).forEach(d -> due.put(d.name(), d.dueAt().atZoneSameInstant(clock.getZone())
                .toOffsetDateTime()));
        return new IntakeAnswer(stored.reference(), stored.status().name(), stored.receivedAt(),
                due.get(Deadline.ACKNOWLEDGEMENT), due.get(Deadline.INTERIM), due.get(Deadline.REPLY),
                due.get(Deadline.RESOLUTION), stored.trackingToken());
    }

    /** After a concurrent duplicate insert of the same key, the winner's answer (or a conflict). */
    public Optional<IntakeAnswer> earlierAnswer(String idempotencyKey, String requestHash) {
        return jdbc.sql("SELECT request_hash, complaint_id FROM intake_request WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(requestHash)) {
                        throw new ConflictException(
                                "Idempotency-Key was already used with a different request body");
                    }
                    return rs.getLong(2);
                })
                .optional()
                .map(this::answerFor);
    }

    public String hash(ComplaintSubmission submission) {
        try {
            byte[] json = objectMapper.writeValueAsString(submission).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newTrackingToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
