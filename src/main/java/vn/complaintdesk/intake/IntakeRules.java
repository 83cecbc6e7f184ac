package vn.complaintdesk.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.complaint.PhoneNumbers;
import vn.complaintdesk.web.ControlCharacters;
import vn.complaintdesk.web.DateParameters;
import vn.complaintdesk.web.FieldProblem;
import vn.complaintdesk.web.InvalidFieldsException;

/**
 * The intake rules shared by the JSON API, the portal form and staff entry: the field constraints
 * and the rules that join fields.
 */
@Component
public class IntakeRules {

    /**
     * Channels only staff record (a call, a visit, a letter), with the time they really arrived; a
     * customer choosing one would get a counter receipt for a visit that never happened.
     */
    public static final Set<Channel> RECEIVED_AT_CHANNELS = EnumSet.of(Channel.HOTLINE, Channel.IN_PERSON, Channel.POST);

    /** No complaint concerns anything earlier; it also keeps every day count far from overflowing. */
    public static final LocalDate EARLIEST_DATE = DateParameters.EARLIEST;

    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;

    public IntakeRules(Validator validator, MessageSource messages, Clock clock) {
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
    }

    public List<FieldProblem> problemsOf(ComplaintSubmission submission, boolean staff) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<ComplaintSubmission> violation : validator.validate(submission)) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        var customer = submission.customer();
        if (customer != null && isBlank(customer.email()) && isBlank(customer.phone())) {
            problems.add(new FieldProblem("customer.email", text("validation.emailOrPhone", locale)));
        }
        if (customer != null && !isBlank(customer.phone()) && !PhoneNumbers.isValid(customer.phone())) {
            problems.add(new FieldProblem("customer.phone", text("validation.phone", locale)));
        }
        if (!staff && RECEIVED_AT_CHANNELS.contains(submission.channel())) {
            problems.add(new FieldProblem("channel", text("validation.channelStaffOnly", locale)));
        }
        problems.addAll(controlCharacters(submission, locale));
        if (submission.socialNetwork() != null && submission.channel() != Channel.SOCIAL) {
            problems.add(new FieldProblem("socialNetwork", text("validation.socialNetworkOnlyForSocial", locale)));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (submission.receivedAt() != null) {
            if (!staff || !RECEIVED_AT_CHANNELS.contains(submission.channel())) {
                problems.add(new FieldProblem("receivedAt", text("validation.receivedAtStaffOnly", locale)));
            } else if (submission.receivedAt().isAfter(now.plusMinutes(5))) {
                problems.add(new FieldProblem("receivedAt", text("validation.receivedAtFuture", locale)));
            } else if (submission.receivedAt().toLocalDate().isBefore(EARLIEST_DATE)) {
                problems.add(new FieldProblem("receivedAt", notBefore(locale)));
            }
        }
        if (submission.incidentDate() != null) {
            ZoneId zone = clock.getZone();
            boolean receivedAtTaken = submission.receivedAt() != null && problems.stream()
                    .noneMatch(p -> p.field().equals("receivedAt"));
            OffsetDateTime receivedAt = receivedAtTaken ? submission.receivedAt() : now;
            LocalDate receivedDay = receivedAt.atZoneSameInstant(zone).toLocalDate();
            if (submission.incidentDate().isBefore(EARLIEST_DATE)) {
                problems.add(new FieldProblem("incidentDate", notBefore(locale)));
            } else if (submission.incidentDate().isAfter(receivedDay)) {
                problems.add(new FieldProblem("incidentDate", text("validation.incidentAfterReceipt", locale)));
            }
        }
        problems.sort((a, b) -> a.field().compareTo(b.field()));
        return problems;
    }

    private List<FieldProblem> controlCharacters(ComplaintSubmission submission, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        line(problems, "subject", submission.subject(), locale);
        if (ControlCharacters.inText(submission.description())) {
            problems.add(new FieldProblem("description", text("validation.controlCharactersInText", locale)));
        }
        var customer = submission.customer();
        if (customer != null) {
            line(problems, "customer.name", customer.name(), locale);
            line(problems, "customer.email", customer.email(), locale);
            line(problems, "customer.phone", customer.phone(), locale);
            line(problems, "customer.accountId", customer.accountId(), locale);
            line(problems, "customer.language", customer.language(), locale);
        }
        return problems;
    }

    private void line(List<FieldProblem> problems, String field, String value, Locale locale) {
        if (ControlCharacters.inLine(value)) {
            problems.add(new FieldProblem(field, text("validation.controlCharacters", locale)));
        }
    }

    private String notBefore(Locale locale) {
        return messages.getMessage("validation.notBefore", new Object[] {EARLIEST_DATE.toString()}, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
