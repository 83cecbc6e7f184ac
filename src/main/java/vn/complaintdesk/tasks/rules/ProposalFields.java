package vn.complaintdesk.tasks.rules;

import java.util.Optional;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateTask;

import vn.complaintdesk.complaint.LogParams;
import vn.complaintdesk.complaint.ComplaintStatus;
import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.tasks.TaskFieldChecks;
import vn.complaintdesk.tasks.TaskFieldRules;
import vn.complaintdesk.templates.Placeholders;
import vn.complaintdesk.web.FieldProblem;

/** The fields of a resolution proposal, shared by ProposeResolution and ReviewSecondRound. */
abstract class ProposalFields implements TaskFieldRules {

    static final String[] REMEDIES = {"EXPLANATION", "REFUND", "COMPENSATION", "VOUCHER", "BONUS_CREDIT", "SERVICE_FIX"};
    private static final Set<String> WITHOUT_AMOUNT = Set.of("EXPLANATION", "SERVICE_FIX");

    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;
    private final ZoneId zone;

    ProposalFields(HandlingRecords records, ComplaintEventLog eventLog, ZoneId zone) {
        this.records = records;
        this.eventLog = eventLog;
        this.zone = zone;
    }

    abstract boolean takesMeeting();

    @Override
    public Set<String> fieldNames() {
        return takesMeeting() ? Set.of("rootCause", "remedy", "amount", "replyText", "meetingAt")
                : Set.of("rootCause", "remedy", "amount", "replyText");
    }

    @Override
    public Map<String, List<String>> options() {
        return Map.of("remedy", List.of(REMEDIES));
    }

    @Override
    public Optional<ComplaintStatus> statusWhileOpen(Complaint complaint) {
        return Optional.of(takesMeeting() || complaint.round() == 2 ? ComplaintStatus.SECOND_ROUND
                : ComplaintStatus.IN_RESOLUTION);
    }

    @Override
    public List<FieldProblem> check(Map<String, Object> fields, TaskFieldChecks checks) {
        checks.required("rootCause");
        checks.maxLength("rootCause", 4000);
        String remedy = checks.oneOf("remedy", true, REMEDIES);
        Long amount = checks.nonNegativeAmount("amount");
        if (remedy != null && !WITHOUT_AMOUNT.contains(remedy) && amount == null
                && checks.problems().stream().noneMatch(p -> p.field().equals("amount"))) {
            checks.add("amount", "validation.amountRequired");
        }
        checks.required("replyText");
        checks.maxLength("replyText", 10000);
        // A template's placeholder left in (or typed by hand) would reach the customer as "{amount}".
        Set<String> leftOver = Placeholders.in(checks.text("replyText"));
        if (!leftOver.isEmpty()) {
            checks.add("replyText", "validation.placeholderLeft",
                    String.join(", ", leftOver.stream().map(Placeholders::written).toList()));
        }
        if (takesMeeting() && checks.text("meetingAt") != null && meetingAt(checks.text("meetingAt")) == null) {
            checks.add("meetingAt", "validation.dateTime");
        }
        return checks.problems();
    }

    @Override
    public void apply(Complaint complaint, Map<String, Object> fields, String actor, DelegateTask task) {
        TaskFieldChecks values = new TaskFieldChecks(fields, null, null);
        String remedy = values.text("remedy");
        Long amount = values.nonNegativeAmount("amount");
        OffsetDateTime meeting = takesMeeting() && values.text("meetingAt") != null
                ? meetingAt(values.text("meetingAt")) : null;
        int round = complaint.round();
        records.proposed(complaint.id(), round, values.text("rootCause"), remedy, amount, values.text("replyText"),
                meeting, actor);
        eventLog.record(complaint.id(), actor, "RESOLUTION_PROPOSED", LogParams.of("round", round, "remedy", remedy,
                "amount", amount, "meetingAt", meeting));
    }

    /** ISO date-time with offset, or a local date-time (as a datetime-local input sends) in the desk's zone. */
    OffsetDateTime meetingAt(String text) {
        OffsetDateTime meeting;
        try {
            meeting = OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                meeting = LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException invalid) {
                return null;
            }
        }
        // A year the database cannot hold (PostgreSQL stops at 294276) is no meeting date either.
        return meeting.getYear() >= 2000 && meeting.getYear() <= 2999 ? meeting : null;
    }
}
