package vn.complaintdesk.channels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import vn.complaintdesk.complaint.Channel;
import vn.complaintdesk.intake.AttachmentUpload;

/**
 * Turns a mail of the support mailbox into a {@link CustomerMessage}: the sender, the subject, the
 * text the customer wrote (the plain part, or the HTML part as text, without the quoted mail they
 * answer), the attached files, and the Message-IDs it answers. Automatic mail (auto-replies,
 * bounces) is refused, so the desk never talks to a robot.
 */
@Component
public class MailReader {

    /** A mail the desk cannot take; the reason is shown on the page of set-aside messages. */
    public static class UnreadableMail extends Exception {
        public UnreadableMail(String reason) {
            super(reason);
        }
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i)^(.*\\bwrote:|.*đã viết:|-{2,}\\s*(original message|thư gốc|forwarded message)\\s*-{2,}|_{10,})\\s*$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?i)^(on|vào|le|am)\\s.+");
    private static final Pattern VIETNAMESE = Pattern.compile(
            "[ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]");
    private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|and|please|my|is|was|not|you|your|i)\\b");

    private final Clock clock;
    private final Duration dateSkew;

    public MailReader(Clock clock, MailIntakeProperties properties) {
        this.clock = clock;
        this.dateSkew = properties.dateSkew();
    }

    public CustomerMessage read(MimeMessage mail, long sizeBytes) throws UnreadableMail {
        try {
            if (isAutomatic(mail)) {
                throw new UnreadableMail("automatic message (auto-reply, bounce or list mail): not a customer's");
            }
            InternetAddress from = sender(mail);
            Body body = new Body();
            collect(mail, body);
            String text = body.plain != null ? body.plain : body.html != null ? htmlToText(body.html) : "";
            String written = withoutQuotedMail(text);
            String language = languageOf(written + " " + nullToEmpty(mail.getSubject()));
            OffsetDateTime receivedAt = arrival(instant(mail.getReceivedDate()), instant(mail.getSentDate()),
                    clock.instant(), dateSkew).atZone(clock.getZone()).toOffsetDateTime();
            return new CustomerMessage(Channel.EMAIL, null, "email", messageId(mail),
                    new CustomerMessage.Sender(blankToNull(from.getPersonal()), from.getAddress().toLowerCase(Locale.ROOT),
                            null, null, language, null),
                    blankToNull(mail.getSubject()), written, body.attachments, threadIds(mail), null, null, null,
                    sizeBytes, receivedAt);
        } catch (MessagingException | IOException | RuntimeException malformed) {
            throw new UnreadableMail("malformed mail: " + malformed.getClass().getSimpleName() + ": "
                    + malformed.getMessage());
        }
    }

    /**
     * When a mail reached the desk: the mailbox server's internal date (IMAP), never later than now
     * (the time it is read) and never earlier than its {@code Date:} header less {@code skew}; a
     * mail without an internal date (POP3) is received when it is read, since a {@code Date:} header
     * alone is the sender's word.
     */
    static Instant arrival(Instant internalDate, Instant dateHeader, Instant readAt, Duration skew) {
        if (internalDate == null) {
            return readAt;
        }
        Instant arrived = dateHeader != null && internalDate.isBefore(dateHeader.minus(skew))
                ? dateHeader.minus(skew) : internalDate;
        return arrived.isAfter(readAt) ? readAt : arrived;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** The Message-ID, or one made from its content for a mail without (the same mail, the same id). */
    public static String messageId(MimeMessage mail) throws MessagingException {
        String id = mail.getMessageID();
        if (id != null && !id.isBlank() && id.strip().length() <= 250) {
            return id.strip();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (id != null && !id.isBlank()) {
                // A Message-ID too long to keep whole: its hash, the same at every reading.
                return "<" + HexFormat.of().formatHex(digest.digest(id.strip().getBytes(StandardCharsets.UTF_8)))
                        + "@long-message-id>";
            }
            digest.update(String.valueOf(mail.getHeader("From", ",")).getBytes(StandardCharsets.UTF_8));
            digest.update(String.valueOf(mail.getHeader("Date", ",")).getBytes(StandardCharsets.UTF_8));
            digest.update(String.valueOf(mail.getHeader("Subject", ",")).getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest.digest()) + "@no-message-id>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isAutomatic(MimeMessage mail) throws MessagingException {
        String autoSubmitted = mail.getHeader("Auto-Submitted", ",");
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = mail.getHeader("Precedence", ",");
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return true;
        }
        if (mail.getHeader("X-Autoreply") != null || mail.getHeader("X-Autorespond") != null) {
            return true;
        }
        Address[] from = mail.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress address
                && address.getAddress() != null
                && address.getAddress().toLowerCase(Locale.ROOT).matches("(mailer-daemon|postmaster)@.*");
    }

    private static InternetAddress sender(MimeMessage mail) throws MessagingException, UnreadableMail {
        Address[] from = mail.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || !address.getAddress().contains("@")) {
            throw new UnreadableMail("no sender address (From)");
        }
        return address;
    }

    private static List<String> threadIds(MimeMessage mail) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String value = mail.getHeader(header, " ");
            if (value != null) {
                Matcher matcher = MESSAGE_ID.matcher(value);
                while (matcher.find()) {
                    if (!ids.contains(matcher.group())) {
                        ids.add(matcher.group());
                    }
                }
            }
        }
        return ids.size() > 100 ? ids.subList(ids.size() - 100, ids.size()) : ids;
    }

    private static final class Body {
        String plain;
        String html;
        final List<AttachmentUpload> attachments = new ArrayList<>();
    }

    private static void collect(Part part, Body body) throws MessagingException, IOException {
        String fileName = part.getFileName();
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, body);
            }
        } else if (attachment) {
            try (InputStream in = part.getInputStream()) {
                body.attachments.add(new AttachmentUpload(decode(fileName), in.readAllBytes()));
            }
        } else if (part.isMimeType("text/plain") && body.plain == null) {
            body.plain = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && body.html == null) {
            body.html = String.valueOf(part.getContent());
        }
    }

    private static String decode(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "attachment";
        }
        try {
            return MimeUtility.decodeText(fileName);
        } catch (UnsupportedEncodingException e) {
            return fileName;
        }
    }

    static String htmlToText(String html) {
        String text = html.replaceAll("(?is)<(style|script|head)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|tr|h[1-6]|blockquote)>", "\n")
                .replaceAll("(?s)<[^>]*>", "");
        return HtmlUtils.htmlUnescape(text).replaceAll("[ \\t\\x{00A0}]+", " ").replaceAll("\\n\\s*\\n+", "\n\n").strip();
    }

    /** The customer's own words: no quoted lines, nothing from the attribution line on, no signature. */
    static String withoutQuotedMail(String text) {
        List<String> kept = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.equals("--") || ATTRIBUTION.matcher(trimmed).matches() || line.equals("-- ")) {
                if (!kept.isEmpty() && ATTRIBUTION_START.matcher(kept.get(kept.size() - 1).strip()).matches()
                        && !trimmed.equals("--") && !line.equals("-- ")) {
                    kept.remove(kept.size() - 1);
                }
                break;
            }
            if (!trimmed.startsWith(">")) {
                kept.add(line);
            }
        }
        String written = String.join("\n", kept).strip();
        return written.isEmpty() ? text.strip() : written;
    }

    static String languageOf(String text) {
        if (VIETNAMESE.matcher(text.toLowerCase(Locale.ROOT)).find()) {
            return "vi";
        }
        Matcher english = ENGLISH.matcher(text);
        int words = 0;
        while (english.find() && words < 3) {
            words++;
        }
        return words >= 3 ? "en" : "vi";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
