package vn.complaintdesk.complaint;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Component;

import vn.complaintdesk.duplicates.DuplicateRecords;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.notification.Notification;
import vn.complaintdesk.notification.NotificationType;
import vn.complaintdesk.notification.Outbox;
import vn.complaintdesk.workflow.ComplaintProcess;
import vn.complaintdesk.workflow.WorkingDayCalendar;

/** Builds the complaint JSON of the contract: the staff view, and the customer's subset. */
@Component
public class ComplaintDetails {

    @Schema(description = "A deadline; `met` is null until it is met or missed")
    public record DeadlineJson(
            @Schema(requiredMode = REQUIRED, allowableValues = {"acknowledgement", "interim", "reply", "resolution"})
            String name,
            @Schema(requiredMode = REQUIRED, nullable = true, example = "2026-12-01T10:15:00+07:00") OffsetDateTime dueAt,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime metAt,
            @Schema(requiredMode = REQUIRED, nullable = true) Boolean met) {
    }

    public record OpenTask(@Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED, example = "AnalyzeComplaint") String taskKey,
            @Schema(requiredMode = REQUIRED, nullable = true, example = "agent") String assignee,
            @Schema(requiredMode = REQUIRED, example = "[\"cs-agents\"]") List<String> candidateGroups,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime due) {
    }

    /** {@code detail} in the reader's language; {@code params} and {@code text} as recorded (null for older entries). */
    @Schema(description = "An entry of the log book")
    public record EventJson(@Schema(requiredMode = REQUIRED) OffsetDateTime at,
            @Schema(requiredMode = REQUIRED, description = "user id, `system` or `customer`", example = "agent")
            String actor,
            @Schema(requiredMode = REQUIRED, example = "ANALYSED") String type,
            @Schema(requiredMode = REQUIRED, nullable = true, description = "the entry in the reader's language",
                    example = "Kết quả phân tích: Chuyển bộ phận (Tài chính)")
            String detail,
            @Schema(nullable = true, description = "the entry's parameters as recorded (null for older entries)")
            Map<String, String> params,
            @Schema(nullable = true, description = "words a person wrote (a note, findings, a reason)")
            String text) {
    }

    public record NotificationJson(@Schema(requiredMode = REQUIRED) long id,
            @Schema(requiredMode = REQUIRED, implementation = NotificationType.class) String type,
            @Schema(requiredMode = REQUIRED, example = "EMAIL") String channel,
            @Schema(requiredMode = REQUIRED, nullable = true, example = "anh.pham@example.vn") String recipient,
            @Schema(requiredMode = REQUIRED, allowableValues = {"PENDING", "SENT", "FAILED"}) String status,
            @Schema(requiredMode = REQUIRED) OffsetDateTime createdAt,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime sentAt,
            @Schema(requiredMode = REQUIRED) int attempts) {
    }

    @Schema(description = "A letter to the customer, downloadable as PDF by its id")
    public record LetterJson(@Schema(requiredMode = REQUIRED) long id,
            @Schema(requiredMode = REQUIRED,
                    allowableValues = {"REPLY", "SECOND_REPLY", "MEETING_INVITATION", "REFUSAL", "INTAKE_RECEIPT"})
            String kind,
            @Schema(requiredMode = REQUIRED) OffsetDateTime createdAt,
            @Schema(requiredMode = REQUIRED, description = "SHA-256 of the PDF, hex") String sha256) {
    }

    /** Another complaint flagged as probably the same matter of the same customer. */
    public record DuplicateJson(@Schema(requiredMode = REQUIRED, example = "KN-2026-000041") String reference,
            @Schema(requiredMode = REQUIRED, implementation = ComplaintStatus.class) String status,
            @Schema(requiredMode = REQUIRED, implementation = Channel.class) String channel,
            @Schema(requiredMode = REQUIRED, implementation = Category.class) String category,
            @Schema(requiredMode = REQUIRED) String subject,
            @Schema(requiredMode = REQUIRED) OffsetDateTime receivedAt) {
    }

    /** {@code phone} in E.164, {@code phoneAsGiven} as the customer wrote it. */
    public record CustomerJson(@Schema(requiredMode = REQUIRED, example = "Phạm Quốc Anh") String name,
            @Schema(requiredMode = REQUIRED, nullable = true, example = "anh.pham@example.vn") String email,
            @Schema(requiredMode = REQUIRED, nullable = true, example = "+84912345678") String phone,
            @Schema(requiredMode = REQUIRED, nullable = true, example = "0912 345 678") String phoneAsGiven,
            @Schema(requiredMode = REQUIRED, nullable = true, example = "ACC-1") String accountId,
            @Schema(requiredMode = REQUIRED, implementation = CustomerTier.class) String tier,
            @Schema(requiredMode = REQUIRED, allowableValues = {"vi", "en"}) String language) {
    }

    @Schema(description = "The complaint as staff see it")
    public record StaffView(@Schema(requiredMode = REQUIRED, example = "KN-2026-000042") String reference,
            @Schema(requiredMode = REQUIRED, implementation = ComplaintStatus.class) String status,
            @Schema(requiredMode = REQUIRED, implementation = Channel.class) String channel,
            @Schema(requiredMode = REQUIRED, nullable = true, implementation = SocialNetwork.class) String socialNetwork,
            @Schema(requiredMode = REQUIRED, implementation = Category.class) String category,
            @Schema(requiredMode = REQUIRED, nullable = true, allowableValues = {"LOW", "NORMAL", "HIGH", "URGENT"},
                    description = "from the `complaint-triage` table; null until triage") String priority,
            @Schema(requiredMode = REQUIRED, example = "Rút tiền chưa về tài khoản") String subject,
            @Schema(requiredMode = REQUIRED, example = "Lệnh rút ngày 20/11 chưa về tài khoản.") String description,
            @Schema(requiredMode = REQUIRED) java.time.LocalDate incidentDate,
            @Schema(requiredMode = REQUIRED) OffsetDateTime receivedAt,
            @Schema(requiredMode = REQUIRED) CustomerJson customer,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime acknowledgementDueAt,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime interimDueAt,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime replyDueAt,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime resolutionDueAt,
            @Schema(requiredMode = REQUIRED) List<DeadlineJson> deadlines,
            @Schema(requiredMode = REQUIRED) List<OpenTask> openTasks,
            @Schema(requiredMode = REQUIRED) List<EventJson> events,
            @Schema(requiredMode = REQUIRED) List<NotificationJson> notifications,
            @Schema(requiredMode = REQUIRED) List<LetterJson> letters,
            @Schema(requiredMode = REQUIRED) List<DuplicateJson> probableDuplicates,
            @Schema(requiredMode = REQUIRED, nullable = true, description = "the complaint this one was merged into")
            String mergedInto,
            @Schema(requiredMode = REQUIRED, description = "complaints merged into this one") List<String> mergedFrom) {
    }

    @Schema(description = "The complaint as its customer sees it: nothing internal")
    public record CustomerView(@Schema(requiredMode = REQUIRED, example = "KN-2026-000042") String reference,
            @Schema(requiredMode = REQUIRED, implementation = ComplaintStatus.class) String status,
            @Schema(requiredMode = REQUIRED, implementation = Channel.class) String channel,
            @Schema(requiredMode = REQUIRED, implementation = Category.class) String category,
            @Schema(requiredMode = REQUIRED, example = "Rút tiền chưa về tài khoản") String subject,
            @Schema(requiredMode = REQUIRED) OffsetDateTime receivedAt,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime acknowledgementDueAt,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime interimDueAt,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime replyDueAt,
            @Schema(requiredMode = REQUIRED, nullable = true) OffsetDateTime resolutionDueAt,
            @Schema(requiredMode = REQUIRED) List<DeadlineJson> deadlines,
            @Schema(requiredMode = REQUIRED) List<LetterJson> letters,
            @ArraySchema(arraySchema = @Schema(requiredMode = REQUIRED,
                    description = "the customer events the desk waits for now"),
                    schema = @Schema(allowableValues = {"CustomerInfoProvided", "CustomerAnswered", "SurveyAnswered"}))
            List<String> waitingFor,
            @Schema(requiredMode = REQUIRED, nullable = true, description = "handled under this reference instead")
            String mergedInto) {
    }

    private final DeadlineRepository deadlines;
    private final ComplaintEventLog eventLog;
    private final Outbox outbox;
    private final Letters letters;
    private final ComplaintProcess process;
    private final DuplicateRecords duplicates;
    private final ZoneId zone;
    private final LogBookText logBook;

    public ComplaintDetails(DeadlineRepository deadlines, ComplaintEventLog eventLog, Outbox outbox, Letters letters,
            ComplaintProcess process, WorkingDayCalendar calendar, DuplicateRecords duplicates, LogBookText logBook) {
        this.duplicates = duplicates;
        this.logBook = logBook;
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
                eventLog.of(c.id()).stream().map(e -> new EventJson(local(e.at()), e.actor(), e.type(),
                        logBook.text(e), e.params(), e.structured() ? e.detail() : null))
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
