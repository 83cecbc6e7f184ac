package vn.complaintdesk.complaint;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.complaintdesk.duplicates.DuplicateRecords;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.notification.Notification;
import vn.complaintdesk.notification.Outbox;
import vn.complaintdesk.workflow.ComplaintProcess;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/** Builds the complaint JSON of the contract: the staff view, and the customer's subset. */
@Component
public class ComplaintDetails {

    public record DeadlineJson(String name, OffsetDateTime dueAt, OffsetDateTime metAt, Boolean met) {
    }

    public record OpenTask(String id, String taskKey, String assignee, List<String> candidateGroups,
            OffsetDateTime due) {
    }

    public record EventJson(OffsetDateTime at, String actor, String type, String detail) {
    }

    public record NotificationJson(long id, String type, String channel, String recipient, String status,
            OffsetDateTime createdAt, OffsetDateTime sentAt, int attempts) {
    }

    public record LetterJson(long id, String kind, OffsetDateTime createdAt, String sha256) {
    }

    /** Another complaint flagged as probably the same matter of the same customer. */
    public record DuplicateJson(String reference, String status, String channel, String category, String subject,
            OffsetDateTime receivedAt) {
    }

    /** {@code phone} in E.164, {@code phoneAsGiven} as the customer wrote it. */
    public record CustomerJson(String name, String email, String phone, String phoneAsGiven, String accountId,
            String tier, String language) {
    }

    public record StaffView(String reference, String status, String channel, String socialNetwork, String category,
            String priority, String subject, String description, java.time.LocalDate incidentDate,
            OffsetDateTime receivedAt, CustomerJson customer, OffsetDateTime acknowledgementDueAt,
            OffsetDateTime interimDueAt, OffsetDateTime replyDueAt, OffsetDateTime resolutionDueAt,
            List<DeadlineJson> deadlines, List<OpenTask> openTasks, List<EventJson> events,
            List<NotificationJson> notifications, List<LetterJson> letters, List<DuplicateJson> probableDuplicates,
            String mergedInto, List<String> mergedFrom) {
    }

    public record CustomerView(String reference, String status, String channel, String category, String subject,
            OffsetDateTime receivedAt, OffsetDateTime acknowledgementDueAt, OffsetDateTime interimDueAt,
            OffsetDateTime replyDueAt, OffsetDateTime resolutionDueAt, List<DeadlineJson> deadlines,
            List<LetterJson> letters, List<String> waitingFor, String mergedInto) {
    }

    private final DeadlineRepository deadlines;
    private final ComplaintEventLog eventLog;
    private final Outbox outbox;
    private final Letters letters;
    private final ComplaintProcess process;
    private final DuplicateRecords duplicates;
    private final ZoneId zone;

    public ComplaintDetails(DeadlineRepository deadlines, ComplaintEventLog eventLog, Outbox outbox, Letters letters,
            ComplaintProcess process, WorkingDayCalendar calendar, DuplicateRecords duplicates) {
        this.duplicates = duplicates;
        this.deadlines = deadlines;
        this.eventLog = eventLog;
        this.outbox = outbox;
        this.letters = letters;
        this.process = process;
        this.zone = calendar.zone();
    }

    public StaffView staffView(Complaint c) {
        List<DeadlineJson> due = deadlinesOf(c);
        var customer = c.customer();
        return new StaffView(c.reference(), c.status().name(), c.channel().name(),
                c.socialNetwork() == null ? null : c.socialNetwork().name(), c.category().name(), c.priority(),
                c.subject(), c.description(), c.incidentDate(), local(c.receivedAt()),
                new CustomerJson(customer.name(), customer.email(), customer.phone(), customer.displayPhone(),
                        customer.accountId(), customer.tier().name(), customer.language()),
                dueOf(due, Deadline.ACKNOWLEDGEMENT), dueOf(due, Deadline.INTERIM), dueOf(due, Deadline.REPLY),
                dueOf(due, Deadline.RESOLUTION), due, openTasks(c),
                eventLog.of(c.id()).stream().map(e -> new EventJson(local(e.at()), e.actor(), e.type(), e.detail()))
                        .toList(),
                outbox.of(c.id()).stream().map(this::notificationJson).toList(),
                lettersOf(c),
                duplicates.probableDuplicatesOf(c.id()).stream().map(this::duplicateJson).toList(),
                duplicates.mergedInto(c.id()).orElse(null),
                duplicates.mergedFrom(c.id()).stream().map(Complaint::reference).toList());
    }

    public CustomerView customerView(Complaint c, List<String> waitingFor) {
        List<DeadlineJson> due = deadlinesOf(c);
        return new CustomerView(c.reference(), c.status().name(), c.channel().name(), c.category().name(),
                c.subject(), local(c.receivedAt()), dueOf(due, Deadline.ACKNOWLEDGEMENT), dueOf(due, Deadline.INTERIM),
                dueOf(due, Deadline.REPLY), dueOf(due, Deadline.RESOLUTION), due, lettersOf(c), waitingFor,
                duplicates.mergedInto(c.id()).orElse(null));
    }

    private List<LetterJson> lettersOf(Complaint c) {
        return letters.of(c.id()).stream().map(l -> new LetterJson(l.id(), l.kind(), local(l.createdAt()), l.sha256()))
                .toList();
    }

    private List<DeadlineJson> deadlinesOf(Complaint c) {
        return deadlines.of(c.id()).stream()
                .map(d -> new DeadlineJson(d.name(), local(d.dueAt()), local(d.metAt()), d.met())).toList();
    }

    private List<OpenTask> openTasks(Complaint c) {
        return process.openTasks(c.reference()).stream()
                .map(t -> new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getAssignee(),
                        process.candidateGroups(t.getId()),
                        t.getDueDate() == null ? null : t.getDueDate().toInstant().atZone(zone).toOffsetDateTime()))
                .toList();
    }

    private DuplicateJson duplicateJson(Complaint other) {
        return new DuplicateJson(other.reference(), other.status().name(), other.channel().name(),
                other.category().name(), other.subject(), local(other.receivedAt()));
    }

    private NotificationJson notificationJson(Notification n) {
        return new NotificationJson(n.id(), n.type(), n.channel(), n.recipient(), n.status(), local(n.createdAt()),
                local(n.sentAt()), n.attempts());
    }

    private static OffsetDateTime dueOf(List<DeadlineJson> deadlines, String name) {
        return deadlines.stream().filter(d -> d.name().equals(name)).map(DeadlineJson::dueAt).findFirst().orElse(null);
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
