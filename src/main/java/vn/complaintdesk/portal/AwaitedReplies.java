package vn.complaintdesk.portal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.workflow.ComplaintProcess;
import vn.complaintdesk.workflow.ProcessNames;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/**
 * The letter the customer is asked to answer, for the tracking page: its reply text, remedy and
 * amount (the approved proposal the letter was written from), the meeting of an invitation, and the
 * day after which silence counts as acceptance, read from the deemed-acceptance timer itself.
 */
@Component
public class AwaitedReplies {

    private static final Set<String> ANSWERABLE = Set.of(Letters.Kind.REPLY.name(), Letters.Kind.SECOND_REPLY.name(),
            Letters.Kind.MEETING_INVITATION.name());

    public record AwaitedReply(long letterId, String kind, String replyText, String remedy, Long amount,
            OffsetDateTime meetingAt, OffsetDateTime answerBy) {
    }

    private final Letters letters;
    private final HandlingRecords records;
    private final ComplaintProcess process;
    private final ZoneId zone;

    public AwaitedReplies(Letters letters, HandlingRecords records, ComplaintProcess process,
            WorkingDayCalendar calendar) {
        this.letters = letters;
        this.records = records;
        this.process = process;
        this.zone = calendar.zone();
    }

    /** While the procedure waits for the customer's answer to a letter: that letter. */
    public Optional<AwaitedReply> of(Complaint complaint, List<String> waitingFor) {
        if (!waitingFor.contains(CustomerEvents.ANSWERED)) {
            return Optional.empty();
        }
        Optional<Letters.Letter> letter = letters.of(complaint.id()).stream()
                .filter(l -> ANSWERABLE.contains(l.kind())).reduce((first, second) -> second);
        Optional<HandlingRecords.Proposal> proposal = records.latestProposal(complaint.id());
        if (letter.isEmpty() || proposal.isEmpty()) {
            return Optional.empty();
        }
        HandlingRecords.Proposal p = proposal.get();
        return Optional.of(new AwaitedReply(letter.get().id(), letter.get().kind(), p.replyText(), p.remedy(), p.amount(),
                Letters.Kind.MEETING_INVITATION.name().equals(letter.get().kind()) ? p.meetingAt() : null,
                deemedAcceptanceAt(complaint.reference()).orElse(null)));
    }

    private Optional<OffsetDateTime> deemedAcceptanceAt(String reference) {
        return process.timerDue(reference, ProcessNames.Timer.DEEMED_ACCEPTED)
                .map(due -> due.toInstant().atZone(zone).toOffsetDateTime());
    }
}
