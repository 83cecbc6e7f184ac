package vn.complaintdesk.channels;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code complaints.mail-intake.*}: the support mailbox the desk reads. Off unless {@code host} is
 * set. IMAP is the way to go (handled mails get a keyword, or move to {@code processed-folder});
 * with POP3, handled mails are deleted from the server, because POP3 keeps no flags.
 *
 * @param protocol {@code imaps} (default), {@code imap}, {@code pop3s} or {@code pop3}
 * @param processedFolder optional IMAP folder handled mails are moved to
 * @param setAsideFolder optional IMAP folder mails that could not be handled are moved to
 * @param maxSize a larger mail is set aside unread (default 25 MB)
 * @param pollInterval how often the mailbox is read (default one minute)
 * @param batchSize at most this many mails per poll, so one poll stays short
 * @param dateSkew how much earlier than its {@code Date:} header a mail may have arrived (the
 *     sender's clock may be ahead); an earlier arrival counts from {@code Date:} less this (default 15 minutes)
 */
@ConfigurationProperties("complaints.mail-intake")
public record MailIntakeProperties(String host, Integer port, String protocol, String username, String password,
        String folder, String processedFolder, String setAsideFolder, DataSize maxSize, Duration pollInterval,
        Integer batchSize, Duration dateSkew) {

    public MailIntakeProperties {
        protocol = protocol == null || protocol.isBlank() ? "imaps" : protocol.trim().toLowerCase();
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.trim();
        processedFolder = blankToNull(processedFolder);
        setAsideFolder = blankToNull(setAsideFolder);
        maxSize = maxSize == null ? DataSize.ofMegabytes(25) : maxSize;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        batchSize = batchSize == null || batchSize < 1 ? 50 : batchSize;
        dateSkew = dateSkew == null || dateSkew.isNegative() ? Duration.ofMinutes(15) : dateSkew;
    }

    public boolean imap() {
        return protocol.startsWith("imap");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
