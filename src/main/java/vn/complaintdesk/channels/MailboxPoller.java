package vn.complaintdesk.channels;

import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.complaintdesk.complaint.Channel;

/**
 * Reads the support mailbox ({@code complaints.mail-intake.*}) and hands each new mail to the
 * {@link CustomerMessageRouter}. A mail is marked handled (IMAP keyword, or moved; deleted on POP3)
 * only after its complaint or log-book entry is committed; if the app dies in between, the next
 * poll meets the mail again and the Message-ID recorded with it makes the second reading a no-op.
 * A mail that cannot be handled (too large, malformed, automatic) is recorded as set aside with
 * the reason and marked too, so it never blocks the mailbox. On many nodes one polls at a time
 * (cluster lock {@code mailbox-poll}).
 */
@Component
@ConditionalOnProperty(prefix = "complaints.mail-intake", name = "host")
public class MailboxPoller {

    /** IMAP keyword of the mails the desk has handled. */
    static final String HANDLED = "ComplaintDeskHandled";

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final FetchProfile FETCHED_AHEAD = new FetchProfile();

    static {
        FETCHED_AHEAD.add(FetchProfile.Item.ENVELOPE);
        FETCHED_AHEAD.add(FetchProfile.Item.FLAGS);
        FETCHED_AHEAD.add(FetchProfile.Item.SIZE);
        FETCHED_AHEAD.add(FetchProfile.Item.CONTENT_INFO);
        for (String header : new String[] {"Message-ID", "In-Reply-To", "References", "Auto-Submitted", "Precedence",
                "X-Autoreply", "X-Autorespond"}) {
            FETCHED_AHEAD.add(header);
        }
    }

    /** What one poll did. */
    public record Poll(int handled, int setAside, int failed) {
    }

    private final MailIntakeProperties properties;
    private final MailReader reader;
    private final CustomerMessageRouter router;
    /** Failed attempts per Message-ID since the app started. */
    private final java.util.Map<String, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();

    public MailboxPoller(MailIntakeProperties properties, MailReader reader, CustomerMessageRouter router) {
        this.properties = properties;
        this.reader = reader;
        this.router = router;
    }

    @Scheduled(fixedDelayString = "${complaints.mail-intake.poll-interval:PT1M}",
            initialDelayString = "${complaints.mail-intake.poll-interval:PT1M}")
    @SchedulerLock(name = "mailbox-poll", lockAtMostFor = "PT15M")
    public void scheduledPoll() {
        try {
            Poll poll = poll();
            if (poll.handled() + poll.setAside() + poll.failed() > 0) {
                log.info("Mailbox {}: {} mail(s) handled, {} set aside, {} to retry", properties.folder(),
                        poll.handled(), poll.setAside(), poll.failed());
            }
        } catch (MessagingException unreachable) {
            log.warn("Mailbox {} on {} not read: {}", properties.folder(), properties.host(), unreachable.getMessage());
        }
    }

    /** Reads up to {@code batch-size} new mails. One poll at a time. */
    public synchronized Poll poll() throws MessagingException {
        Store store = session().getStore(properties.protocol());
        store.connect(properties.host(), properties.port() == null ? -1 : properties.port(), properties.username(),
                properties.password());
        try {
            Folder inbox = store.getFolder(properties.folder());
            inbox.open(Folder.READ_WRITE);
            boolean keywords = properties.imap() && inbox.getPermanentFlags().contains(Flags.Flag.USER);
            // Without keywords (a server that keeps none), IMAP falls back to the Seen flag.
            Message[] waiting = keywords ? inbox.search(new FlagTerm(new Flags(HANDLED), false))
                    : properties.imap() ? inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                    : inbox.getMessages();
            // One round trip for what every mail needs before its body: size, flags, threading headers.
            Message[] batch = java.util.Arrays.copyOf(waiting, Math.min(waiting.length, properties.batchSize() * 2));
            inbox.fetch(batch, FETCHED_AHEAD);
            int handled = 0;
            int setAside = 0;
            int failed = 0;
            // Mails that fail for a passing reason do not count against the batch, so they cannot
            // hold back the ones behind them; after MAX_ATTEMPTS they are set aside.
            for (int i = 0; i < waiting.length && handled + setAside < properties.batchSize(); i++) {
                MimeMessage mail = (MimeMessage) waiting[i];
                Result result = handle(mail);
                switch (result) {
                    case HANDLED -> handled++;
                    case SET_ASIDE -> setAside++;
                    case RETRY -> failed++;
                }
                if (result != Result.RETRY) {
                    String moveTo = !properties.imap() ? null
                            : result == Result.HANDLED ? properties.processedFolder() : properties.setAsideFolder();
                    markHandled(store, inbox, mail, moveTo, keywords, result == Result.SET_ASIDE);
                }
            }
            inbox.close(true);
            return new Poll(handled, setAside, failed);
        } finally {
            store.close();
        }
    }

    private enum Result { HANDLED, SET_ASIDE, RETRY }

    private Result handle(MimeMessage mail) {
        CustomerMessage message = null;
        try {
            long size = Math.max(mail.getSize(), 0);
            if (size > properties.maxSize().toBytes()) {
                router.setAside(headersOnly(mail, size), "too large: " + size / (1024 * 1024) + " MB, at most "
                        + properties.maxSize().toMegabytes() + " MB");
                return Result.SET_ASIDE;
            }
            message = reader.read(mail, size);
            router.route(message);
            attempts.remove(message.externalId());
            return Result.HANDLED;
        } catch (MailReader.UnreadableMail unreadable) {
            return setAside(mail, unreadable.getMessage());
        } catch (MessagingException | RuntimeException failure) {
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            if (message == null) {
                return setAside(mail, reason);
            }
            // Refused by the intake rules (an address they do not take): keep it visible. Anything
            // else (a race with a timer, the database away) is worth a few more tries.
            if (failure instanceof vn.complaintdesk.web.InvalidFieldsException
                    || failure instanceof vn.complaintdesk.web.NotFoundException) {
                return setAside(mail, failure.getMessage());
            }
            int attempt = attempts.merge(message.externalId(), 1, Integer::sum);
            if (attempt >= MAX_ATTEMPTS) {
                attempts.remove(message.externalId());
                return setAside(mail, "failed " + attempt + " times, last: " + reason);
            }
            log.warn("Mail {} not handled (attempt {}), tried again at the next poll: {}", message.externalId(),
                    attempt, reason);
            return Result.RETRY;
        }
    }

    private Result setAside(MimeMessage mail, String reason) {
        try {
            router.setAside(headersOnly(mail, Math.max(mail.getSize(), 0)), reason);
            log.warn("Mail set aside: {}", reason);
            return Result.SET_ASIDE;
        } catch (MessagingException | RuntimeException failure) {
            log.warn("Mail could not be set aside, tried again at the next poll: {}", failure.toString());
            return Result.RETRY;
        }
    }

    /** What can be told of a mail without reading its body. */
    private static CustomerMessage headersOnly(MimeMessage mail, long size) throws MessagingException {
        String from = mail.getHeader("From", ",");
        String subject;
        try {
            subject = mail.getSubject();
        } catch (MessagingException undecodable) {
            subject = mail.getHeader("Subject", ",");
        }
        return new CustomerMessage(Channel.EMAIL, null, "email", MailReader.messageId(mail),
                new CustomerMessage.Sender(null, from, null, null, null, null), subject, null,
                java.util.List.of(), java.util.List.of(), null, null, null, size, null);
    }

    /**
     * Marks a mail so that it is not read again. A mailbox that refuses the move (quota, rights) must
     * not stop the polls: the flags alone do, and the Message-ID recorded with the mail makes a
     * second reading harmless anyway.
     */
    private void markHandled(Store store, Folder inbox, MimeMessage mail, String moveTo, boolean keywords,
            boolean setAside) {
        boolean imap = properties.imap();
        try {
            Flags done = keywords ? new Flags(HANDLED) : new Flags();
            done.add(Flags.Flag.SEEN);
            mail.setFlags(done, true);
            if (moveTo != null) {
                Folder target = store.getFolder(moveTo);
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
                inbox.copyMessages(new Message[] {mail}, target);
                mail.setFlag(Flags.Flag.DELETED, true);
            } else if (!imap && !setAside) {
                // POP3 keeps no flags: a handled mail leaves the server (its Message-ID stays
                // recorded); one set aside stays there for a person to answer.
                mail.setFlag(Flags.Flag.DELETED, true);
            }
        } catch (MessagingException refused) {
            log.warn("Mail could not be marked or moved to {}: {}", moveTo, refused.getMessage());
        }
    }

    private Session session() {
        Properties mailProperties = new Properties();
        String protocol = properties.protocol();
        mailProperties.put("mail." + protocol + ".connectiontimeout", "10000");
        mailProperties.put("mail." + protocol + ".timeout", "30000");
        // Reading a mail must not mark it Seen before it is handled (the Seen fallback relies on it).
        mailProperties.put("mail." + protocol + ".peek", "true");
        return Session.getInstance(mailProperties);
    }
}
