package vn.complaintdesk.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.complaint.HandlingRecords;
import vn.complaintdesk.tasks.TaskFieldChecks;
import vn.complaintdesk.web.ConflictException;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;
import vn.complaintdesk.web.NotFoundException;
import vn.complaintdesk.workflow.ComplaintProcess;
import vn.complaintdesk.workflow.ProcessNames;

/**
 * The customer's events (from the portal, or entered by staff on their behalf), delivered to the
 * process by message correlation on the complaint's reference. Nothing waiting → 409.
 */
@Service
public class CustomerEvents {

    public static final String INFO_PROVIDED = ProcessNames.Message.INFO_PROVIDED;
    public static final String ANSWERED = ProcessNames.Message.ANSWERED;
    public static final String SURVEY_ANSWERED = ProcessNames.Message.SURVEY_ANSWERED;
    public static final List<String> MESSAGES = ProcessNames.Message.CUSTOMER_EVENTS;

    private final ComplaintProcess process;
    private final HandlingRecords records;
    private final ComplaintEventLog eventLog;
    private final MessageSource messages;

    public CustomerEvents(ComplaintProcess process, HandlingRecords records, ComplaintEventLog eventLog,
            MessageSource messages) {
        this.process = process;
        this.records = records;
        this.eventLog = eventLog;
        this.messages = messages;
    }

    @Transactional
    public void deliver(Complaint complaint, String message, Map<String, Object> payload, String actor) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!MESSAGES.contains(message)) {
            throw new NotFoundException(messages.getMessage("event.unknown", new Object[] {message}, locale));
        }
        TaskFieldChecks checks = new TaskFieldChecks(payload, messages, locale);
        checks.controlCharacters();
        List<FieldProblem> problems = new ArrayList<>(validate(message, checks));
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (!isWaitingFor(complaint.reference(), message)) {
            throw new ConflictException(messages.getMessage("event.notWaiting", new Object[] {message}, locale));
        }
        // What the customer said is recorded in our tables; the process reads its routing facts from there.
        record(complaint, message, checks, actor);
        if (!process.deliver(complaint.reference(), message, Map.of())) {
            throw new ConflictException(messages.getMessage("event.notWaiting", new Object[] {message}, locale));
        }
    }

    /** The customer events the complaint's process waits for now. */
    public List<String> waitingFor(String reference) {
        return MESSAGES.stream().filter(message -> isWaitingFor(reference, message)).toList();
    }

    public boolean isWaitingFor(String reference, String message) {
        return process.isWaitingFor(reference, message);
    }

    private static List<FieldProblem> validate(String message, TaskFieldChecks checks) {
        switch (message) {
            case INFO_PROVIDED -> {
                checks.required("information");
                checks.maxLength("information", 10000);
            }
            case ANSWERED -> {
                Boolean accepts = checks.bool("accepts");
                if (accepts == null && checks.problems().isEmpty()) {
                    checks.required("accepts");
                }
                if (Boolean.FALSE.equals(accepts)) {
                    checks.required("reason");
                }
                checks.maxLength("reason", 4000);
            }
            default -> {
                String rating = checks.oneOf("rating", true, "1", "2", "3", "4", "5");
                checks.maxLength("comment", 4000);
                checks.maxLength("suggestion", 4000);
                if (rating == null) {
                    return checks.problems();
                }
            }
        }
        return checks.problems();
    }

    private void record(Complaint complaint, String message, TaskFieldChecks values, String actor) {
        switch (message) {
            case INFO_PROVIDED -> {
                records.openInfoRequest(complaint.id())
                        .ifPresent(r -> records.infoProvided(r.id(), values.text("information"), actor));
                eventLog.record(complaint.id(), actor, "INFO_PROVIDED", values.text("information"));
            }
            case ANSWERED -> {
                boolean accepts = values.bool("accepts");
                records.answered(complaint.id(), complaint.round(), accepts, values.text("reason"), false, actor);
                eventLog.record(complaint.id(), actor, accepts ? "REPLY_ACCEPTED" : "REPLY_REJECTED",
                        values.text("reason"));
            }
            default -> {
                int rating = Integer.parseInt(values.text("rating"));
                records.surveyAnswered(complaint.id(), rating, values.text("comment"), values.text("suggestion"));
                eventLog.record(complaint.id(), actor, "SURVEY_ANSWERED", Map.of("rating", rating),
                        values.text("comment"));
            }
        }
    }
}
