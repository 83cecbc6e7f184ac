package vn.complaintdesk.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.complaintdesk.complaint.Complaint;
import vn.complaintdesk.complaint.ComplaintEventLog;
import vn.complaintdesk.letters.LetterheadProperties;
import vn.complaintdesk.letters.Letters;
import vn.complaintdesk.web.LocalizedFormats;
import vn.complaintdesk.web.PublicLinks;
import vn.complaintdesk.workflow.CalendarProperties;

/**
 * Everything that must reach the customer or staff is written here in the caller's transaction and
 * delivered after commit. A dedup key per message makes a retried job add nothing twice.
 *
 * <p>Messages are rendered here, when they are queued (subject, plain text and HTML from
 * {@code templates/mail/}, in the recipient's language), and stored with a Message-ID: the row is the
 * record of what was said, the dispatcher sends exactly that, and a template error fails the step
 * (a visible, retried job) instead of a message later.
 */
@Component
public class Outbox {

    /** Staff alerts are in Vietnamese, the desk's working language. */
    private static final Locale STAFF_LOCALE = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailTemplates templates;
    private final PublicLinks links;
    private final LetterheadProperties letterhead;
    private final CustomerMailProperties mail;
    private final CalendarProperties calendar;
    private final ComplaintEventLog eventLog;
    private final OutboxDispatcher dispatcher;

    public Outbox(JdbcClient jdbc, Clock clock, MailTemplates templates, PublicLinks links,
            LetterheadProperties letterhead, CustomerMailProperties mail, CalendarProperties calendar,
            ComplaintEventLog eventLog, OutboxDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.templates = templates;
        this.links = links;
        this.letterhead = letterhead;
        this.mail = mail;
        this.calendar = calendar;
        this.eventLog = eventLog;
        this.dispatcher = dispatcher;
    }

    /**
     * Queues a message to the customer in their language, by e-mail when they gave an address, else
     * by SMS. {@code details} are the message type's own values for its templates.
     */
    public boolean toCustomer(Complaint complaint, NotificationType type, String dedupSuffix, Map<String, ?> details) {
        return toCustomer(complaint, type, dedupSuffix, details, null);
    }

    /** As {@link #toCustomer(Complaint, NotificationType, String, Map)}, with a letter attached. */
    public boolean toCustomer(Complaint complaint, NotificationType type, String dedupSuffix, Map<String, ?> details,
            Letters.Letter attachment) {
        DeliveryChannel channel = complaint.customer().email() != null ? DeliveryChannel.EMAIL : DeliveryChannel.SMS;
        String recipient = channel == DeliveryChannel.EMAIL ? complaint.customer().email() : complaint.customer().phone();
        Locale locale = Locale.forLanguageTag(complaint.customer().language());
        Map<String, Object> model = new HashMap<>(details);
        model.put("trackingUrl", links.tracking(complaint.reference(), complaint.trackingToken()));
        model.put("audience", "customer");
        // Replies to a mail reach the desk only when it reads the mailbox its Reply-To names.
        model.put("answerByMail", channel == DeliveryChannel.EMAIL && mail.replyTo() != null);
        return enqueue(complaint, type, dedupSuffix, channel, recipient, locale, model, attachment);
    }

    /** Queues an alert to a staff group (in Vietnamese, the desk's working language). */
    public boolean toStaff(Complaint complaint, NotificationType type, String dedupSuffix, String group,
            Map<String, ?> details) {
        Map<String, Object> model = new HashMap<>(details);
        model.put("group", group);
        model.put("audience", "staff");
        return enqueue(complaint, type, dedupSuffix, DeliveryChannel.STAFF, group, STAFF_LOCALE, model, null);
    }

    private boolean enqueue(Complaint complaint, NotificationType type, String dedupSuffix, DeliveryChannel channel,
            String recipient, Locale locale, Map<String, Object> model, Letters.Letter attachment) {
        String dedupKey = complaint.reference() + ":" + type + (dedupSuffix == null ? "" : ":" + dedupSuffix);
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM notification WHERE dedup_key = :key")
                .param("key", dedupKey).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        model.put("reference", complaint.reference());
        model.put("customerName", complaint.customer().name());
        model.put("complaintSubject", complaint.subject());
        model.put("complaintUrl", links.staffComplaint(complaint.reference()));
        model.put("letterhead", letterhead);
        model.put("lang", locale.getLanguage());
        model.put("fmt", new LocalizedFormats(locale, calendar.zone()));
        model.put("attached", attachment != null);
        MailTemplates.RenderedMail rendered = templates.render(type, locale, model);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO notification (complaint_id, dedup_key, type, channel, recipient, language, subject, body,
                    body_html, message_id, letter_id, status, attempts, created_at, next_attempt_at)
                VALUES (:complaintId, :key, :type, :channel, :recipient, :language, :subject, :body,
                    :html, :messageId, :letterId, 'PENDING', 0, :now, :now)""")
                .param("complaintId", complaint.id())
                .param("key", dedupKey)
                .param("type", type.name())
                .param("channel", channel.name())
                .param("recipient", recipient)
                .param("language", locale.getLanguage())
                .param("subject", rendered.subject())
                .param("body", rendered.text())
                .param("html", rendered.html())
                .param("messageId", mail.newMessageId(complaint.reference()))
                .param("letterId", attachment == null ? null : attachment.id(), java.sql.Types.BIGINT)
                .param("now", now)
                .update();
        eventLog.record(complaint.id(), ComplaintEventLog.SYSTEM, "NOTIFICATION_QUEUED",
                Map.of("notification", type, "recipient", recipient));
        wakeDispatcherAfterCommit();
        return true;
    }

    public List<Notification> of(long complaintId) {
        return jdbc.sql("""
                SELECT id, type, channel, recipient, status, created_at, sent_at, attempts, subject, last_error,
                    message_id
                FROM notification WHERE complaint_id = :id ORDER BY created_at, id""")
                .param("id", complaintId)
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("type"), rs.getString("channel"),
                        rs.getString("recipient"), rs.getString("status"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getInt("attempts"), rs.getString("subject"), rs.getString("last_error"),
                        rs.getString("message_id")))
                .list();
    }

    private void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wakeUp();
                }
            });
        } else {
            dispatcher.wakeUp();
        }
    }
}
