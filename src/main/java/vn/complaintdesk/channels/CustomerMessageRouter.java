package vn.complaintdesk.channels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.complaintdesk.complaint.LogParams;
import vn.complaintdesk.complaint.Category;
import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.ComplaintRepository;
import vn.complaintdesk.complaint.PhoneNumbers;
import vn.complaintdesk.duplicates.DuplicateRecords;
import vn.complaintdesk.intake.AttachmentUpload;
import vn.complaintdesk.intake.Attachments;
import vn.complaintdesk.intake.ComplaintSubmission;
import vn.complaintdesk.intake.IntakeAnswer;
import vn.complaintdesk.intake.IntakeService;
import vn.complaintdesk.portal.CustomerEvents;
import vn.complaintdesk.portal.TrackingTokens;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.ControlCharacters;
import vn.complaintdesk.web.NotFoundException;
import vn.complaintdesk.workflow.ComplaintProcess;
import vn.complaintdesk.workflow.ProcessNames;

/**
 * Where a customer's message from any channel goes. A message that names a complaint (our mail it
 * answers, the reference in its subject, the reference a chat integration gives) and comes from that
 * complaint's customer continues it: it is written into the log book and, when the procedure waits
 * for the customer, delivered as the information, the answer to the letter or the rating. Otherwise
 * it opens a new complaint that runs the normal procedure.
 */
@Service
public class CustomerMessageRouter {

    /** The message the diagram catches when an answer to a letter cannot be read. */
    public static final String REPLY_UNCLEAR = ProcessNames.Message.REPLY_UNCLEAR;
    /** Routing variable: the inbound message an agent classifies in {@code ClassifyCustomerReply}. */
    public static final String REPLY_TO_CLASSIFY = ProcessNames.Variable.REPLY_TO_CLASSIFY;

    private static final Pattern REFERENCE = Pattern.compile("\\b(KN-\\d{4}-\\d{6})\\b");

    /**
     * What became of a message. {@code answer} is what the channel is told (outcome, reference and,
     * when it opened a complaint, the intake answer), kept with the message: a repeated message
     * ({@code repeated}) gets the very answer of its first handling, whatever happened since.
     */
    public record Routed(InboundOutcome outcome, String reference, Map<String, Object> answer, boolean repeated) {

        public boolean openedComplaint() {
            return outcome == InboundOutcome.OPENED_COMPLAINT;
        }
    }

    private static final TypeReference<Map<String, Object>> ANSWER = new TypeReference<>() {
    };

    private record Target(Complaint complaint, boolean threadMatched) {
    }

    private final InboundMessages inbound;
    private final ComplaintRepository complaints;
    private final IntakeService intake;
    private final CustomerEvents customerEvents;
    private final ComplaintEventLog eventLog;
    private final Attachments attachments;
    private final ComplaintProcess process;
    private final ReplyReader reader;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DuplicateRecords duplicates;
    private final TransactionTemplate transaction;
    private final TrackingTokens tokens;
    private final ObjectMapper objectMapper;

    public CustomerMessageRouter(InboundMessages inbound, ComplaintRepository complaints, IntakeService intake,
            CustomerEvents customerEvents, ComplaintEventLog eventLog, Attachments attachments,
            ComplaintProcess process, ReplyReader reader, JdbcClient jdbc, Clock clock,
            DuplicateRecords duplicates, PlatformTransactionManager transactionManager, TrackingTokens tokens,
            ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.tokens = tokens;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.duplicates = duplicates;
        this.inbound = inbound;
        this.complaints = complaints;
        this.intake = intake;
        this.customerEvents = customerEvents;
        this.eventLog = eventLog;
        this.attachments = attachments;
        this.process = process;
        this.reader = reader;
        this.jdbc = jdbc;
    }

    /** Routes a free-text message: what it means is read from the text and from what the procedure awaits. */
    public Routed route(CustomerMessage message) {
        return route(message, null, null);
    }

    /**
     * Routes a message; with {@code event} (a chat integration that asked the customer a structured
     * question) it must continue a complaint and is delivered as exactly that customer event.
     * Continuing happens in one transaction with the record of the message; opening runs the
     * intake in its own (which takes the reference first, as every intake does) and then records
     * the message, the intake's idempotency key making a second attempt after a crash harmless.
     */
    public Routed route(CustomerMessage message, String event, Map<String, Object> eventFields) {
        Optional<InboundMessages.Inbound> earlier = inbound.find(message.source(), message.externalId());
        if (earlier.isPresent()) {
            return repeated(earlier.get());
        }
        Optional<Target> target = targetOf(message);
        if (target.isEmpty()) {
            if (event != null || message.reference() != null) {
                throw new NotFoundException("No complaint " + message.reference() + " of this customer");
            }
            return open(message);
        }
        return transaction.execute(status -> continueComplaint(target.get(), message, event, eventFields));
    }

    private Routed repeated(InboundMessages.Inbound first) {
        if (first.answer() != null) {
            try {
                return new Routed(first.outcome(), first.reference(), objectMapper.readValue(first.answer(), ANSWER),
                        true);
            } catch (JsonProcessingException unreadable) {
                throw new IllegalStateException("Stored answer of inbound message " + first.id() + " unreadable",
                        unreadable);
            }
        }
        // Handled before answers were kept: told what it is now.
        IntakeAnswer opened = first.outcome() == InboundOutcome.OPENED_COMPLAINT && first.complaintId() != null
                ? intake.answerFor(first.complaintId()) : null;
        return new Routed(first.outcome(), first.reference(), answerOf(first.outcome(), first.reference(), opened),
                true);
    }

    /** The routing result, kept with the inbound message in the transaction that records it. */
    private Routed answered(long inboundId, InboundOutcome outcome, String reference, IntakeAnswer opened) {
        Map<String, Object> answer = answerOf(outcome, reference, opened);
        try {
            inbound.answered(inboundId, objectMapper.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Routed(outcome, reference, answer, false);
    }

    private Map<String, Object> answerOf(InboundOutcome outcome, String reference, IntakeAnswer opened) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", outcome.name());
        answer.put("reference", reference);
        if (opened != null) {
            answer.putAll(objectMapper.convertValue(opened, ANSWER));
        }
        return answer;
    }

    private Routed continueComplaint(Target target, CustomerMessage message, String event,
            Map<String, Object> eventFields) {
        Complaint complaint = target.complaint();
        long id = inbound.record(message, null, InboundOutcome.RECEIVED, null);
        if (!target.threadMatched() && !fromItsCustomer(complaint, message)) {
            if (event != null || message.reference() != null) {
                throw new NotFoundException("No complaint " + complaint.reference() + " of this customer");
            }
            inbound.settle(id, complaint.id(), InboundOutcome.UNVERIFIED_SENDER);
            eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "UNVERIFIED_MESSAGE",
                    Map.of("channel", message.channel(), "sender", InboundMessages.describe(message.sender())));
            return answered(id, InboundOutcome.UNVERIFIED_SENDER, complaint.reference(), null);
        }
        keep(complaint, message);
        InboundOutcome outcome = event != null ? deliver(complaint, event, eventFields)
                : continueWith(complaint, message, id, target.threadMatched());
        inbound.settle(id, complaint.id(), outcome);
        return answered(id, outcome, complaint.reference(), null);
    }

    /** Keeps a message that could not be handled, with the reason, so that it is never read again. */
    public void setAside(CustomerMessage message, String reason) {
        transaction.executeWithoutResult(status -> {
            if (inbound.find(message.source(), message.externalId()).isEmpty()) {
                inbound.record(message, null, InboundOutcome.SET_ASIDE, reason);
            }
        });
    }

    private Routed open(CustomerMessage message) {
        CustomerMessage.Sender sender = message.sender();
        OffsetDateTime received = message.receivedAt() != null ? message.receivedAt() : OffsetDateTime.now(clock);
        // What the desk derives itself (a subject from a chat's lines, a mail's text) is made fit for
        // the intake rules here; what a caller typed into a field is checked by them.
        String subject = ControlCharacters.toLine(firstNonBlank(message.subject(), message.text()));
        String description = ControlCharacters.toText(firstNonBlank(message.text(), message.subject()));
        String name = ControlCharacters.toLine(sender.name() == null || sender.name().isBlank()
                ? firstNonBlank(sender.email(), sender.phone()) : sender.name());
        ComplaintSubmission submission = new ComplaintSubmission(message.channel(), message.socialNetwork(),
                message.category() == null ? Category.OTHER : message.category(),
                subject == null ? null : InboundMessages.cut(subject.strip(), 300),
                description == null ? null : InboundMessages.cut(description.strip(), 10000),
                message.incidentDate() != null ? message.incidentDate()
                        : received.atZoneSameInstant(clock.getZone()).toLocalDate(),
                null,
                new ComplaintSubmission.CustomerData(name, sender.email(), sender.phone(), sender.accountId(), null,
                        sender.language()));
        List<AttachmentUpload> kept = attachments.acceptable(message.attachments());
        IntakeAnswer answer = intake.submitArrived(submission, "inbound:" + message.source() + ":"
                + InboundMessages.cut(message.externalId(), 150), kept, received);
        return transaction.execute(status -> {
            Complaint complaint = complaints.require(answer.reference());
            Optional<InboundMessages.Inbound> recorded = inbound.find(message.source(), message.externalId());
            if (recorded.isPresent()) {
                return repeated(recorded.get());
            }
            long id = inbound.record(message, complaint.id(), InboundOutcome.OPENED_COMPLAINT, null);
            noteRefusedAttachments(complaint, message.attachments(), kept);
            return answered(id, InboundOutcome.OPENED_COMPLAINT, answer.reference(), answer);
        });
    }

    private InboundOutcome continueWith(Complaint complaint, CustomerMessage message, long inboundId,
            boolean answersOurMail) {
        String reference = complaint.reference();
        String text = message.text() == null ? "" : message.text().strip();
        if (customerEvents.isWaitingFor(reference, CustomerEvents.INFO_PROVIDED) && !text.isEmpty()) {
            customerEvents.deliver(complaint, CustomerEvents.INFO_PROVIDED,
                    Map.of("information", InboundMessages.cut(text, 10000)), ComplaintEventLog.CUSTOMER);
            return InboundOutcome.INFO_PROVIDED;
        }
        if (customerEvents.isWaitingFor(reference, CustomerEvents.ANSWERED)) {
            // A From address is easily forged: a mail that does not answer one of our mails closes
            // nothing by itself; an agent reads it.
            boolean provenSender = answersOurMail || message.channel() != Channel.EMAIL;
            ReplyReader.Reading reading = provenSender ? reader.read(text) : ReplyReader.Reading.UNCLEAR;
            return switch (reading) {
                case ACCEPT -> deliver(complaint, CustomerEvents.ANSWERED, Map.of("accepts", true));
                case REJECT -> deliver(complaint, CustomerEvents.ANSWERED,
                        Map.of("accepts", false, "reason", InboundMessages.cut(text, 4000)));
                case UNCLEAR -> toClassify(complaint, inboundId);
            };
        }
        Optional<Integer> rating = reader.rating(text);
        if (customerEvents.isWaitingFor(reference, CustomerEvents.SURVEY_ANSWERED) && rating.isPresent()) {
            return deliver(complaint, CustomerEvents.SURVEY_ANSWERED,
                    Map.of("rating", rating.get(), "comment", InboundMessages.cut(text, 4000)));
        }
        return InboundOutcome.ADDED_TO_COMPLAINT;
    }

    /**
     * An answer to the letter that only a person can read: the task ClassifyCustomerReply. A
     * complaint started on a diagram version without that task keeps the message in its log book
     * with a note, for the agent to enter the answer on the complaint page.
     */
    private InboundOutcome toClassify(Complaint complaint, long inboundId) {
        if (!customerEvents.isWaitingFor(complaint.reference(), REPLY_UNCLEAR)) {
            eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "UNCLEAR_REPLY");
            return InboundOutcome.ADDED_TO_COMPLAINT;
        }
        if (!process.deliver(complaint.reference(), REPLY_UNCLEAR, Map.of(REPLY_TO_CLASSIFY, inboundId))) {
            throw new ConflictException("The answer to the letter is no longer awaited for " + complaint.reference());
        }
        return InboundOutcome.TO_CLASSIFY;
    }

    private InboundOutcome deliver(Complaint complaint, String event, Map<String, Object> fields) {
        customerEvents.deliver(complaint, event, fields == null ? Map.of() : fields, ComplaintEventLog.CUSTOMER);
        return switch (event) {
            case CustomerEvents.INFO_PROVIDED -> InboundOutcome.INFO_PROVIDED;
            case CustomerEvents.ANSWERED -> InboundOutcome.ANSWER_DELIVERED;
            default -> InboundOutcome.SURVEY_ANSWERED;
        };
    }

    /** Writes the message into the complaint's log book and keeps its acceptable attachments. */
    private void keep(Complaint complaint, CustomerMessage message) {
        String text = message.text() == null ? "" : message.text().strip();
        String subject = message.subject() == null || message.subject().isBlank() ? null : message.subject().strip();
        eventLog.record(complaint.id(), ComplaintEventLog.CUSTOMER, "CUSTOMER_MESSAGE",
                LogParams.of("channel", message.channel(), "subject", subject), InboundMessages.cut(text, 4000));
        List<AttachmentUpload> kept = attachments.acceptable(message.attachments());
        attachments.store(complaint.id(), kept, ComplaintEventLog.CUSTOMER);
        noteRefusedAttachments(complaint, message.attachments(), kept);
    }

    private void noteRefusedAttachments(Complaint complaint, List<AttachmentUpload> all, List<AttachmentUpload> kept) {
        List<String> refused = all.stream().filter(a -> !kept.contains(a)).map(AttachmentUpload::filename).toList();
        if (!refused.isEmpty()) {
            eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "ATTACHMENTS_REFUSED",
                    Map.of("files", InboundMessages.cut(String.join(", ", refused), 2000)));
        }
    }

    /** A message about a complaint merged into another belongs to the one that goes on. */
    private Optional<Target> targetOf(CustomerMessage message) {
        Optional<Target> named = namedIn(message);
        for (int hop = 0; named.isPresent() && hop < 5; hop++) {
            Target target = named.get();
            Optional<Complaint> survivor = duplicates.mergedInto(target.complaint().id())
                    .flatMap(complaints::findByReference);
            if (survivor.isEmpty()) {
                break;
            }
            named = Optional.of(new Target(survivor.get(), target.threadMatched()));
        }
        return named;
    }

    private Optional<Target> namedIn(CustomerMessage message) {
        if (!message.threadIds().isEmpty()) {
            Optional<Long> byOurMail = jdbc.sql("""
                    SELECT complaint_id FROM notification WHERE message_id IN (:ids) ORDER BY id LIMIT 1""")
                    .param("ids", message.threadIds()).query(Long.class).optional();
            Optional<Long> byTheirMail = byOurMail.isPresent() ? byOurMail
                    : inbound.complaintOfAny(message.source(), message.threadIds());
            if (byTheirMail.isPresent()) {
                // A thread of the customer's own earlier mail proves nothing about who writes now.
                return complaints.findById(byTheirMail.get()).map(c -> new Target(c, byOurMail.isPresent()));
            }
        }
        return referenceOf(message).flatMap(complaints::findByReference).map(c -> new Target(c, false));
    }

    private static Optional<String> referenceOf(CustomerMessage message) {
        if (message.reference() != null && !message.reference().isBlank()) {
            return Optional.of(message.reference().strip());
        }
        if (message.subject() != null) {
            Matcher matcher = REFERENCE.matcher(message.subject());
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private boolean fromItsCustomer(Complaint complaint, CustomerMessage message) {
        CustomerMessage.Sender sender = message.sender();
        Complaint.Customer customer = complaint.customer();
        if (sender == null) {
            return false;
        }
        if (tokens.matches(complaint, sender.trackingToken())) {
            return tokens.unexpired(complaint);
        }
        return sameIgnoringCase(sender.email(), customer.email())
                || PhoneNumbers.same(sender.phone(), customer.phone())
                || (sender.accountId() != null && sender.accountId().equals(customer.accountId()));
    }

    private static boolean sameIgnoringCase(String a, String b) {
        return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
