package vn.complaintdesk.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP server (GreenMail) inside the test JVM, one for the whole JVM on a free port, and the
 * app's {@code spring.mail.port} pointed at it ({@code spring.mail.host} is in application-test.yml
 * and application-it.yml): every customer mail of the suites goes through the real
 * {@code EmailNotificationSender} to it. {@link #stop()} and {@link #start()} play an SMTP outage;
 * the port stays the same, so the app needs no change.
 */
public class TestSmtpServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The support mailbox the app reads by IMAP (application-test.yml, complaints.mail-intake). */
    public static final String DESK_ADDRESS = "desk@complaintdesk.local";

    private static GreenMail server;
    private static int port;
    private static int imapPort;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        TestPropertyValues.of("spring.mail.port=" + port, "complaints.mail-intake.port=" + imapPort)
                .applyTo(context.getEnvironment());
    }

    /** Starts the server (again, on the same ports after {@link #stop()}). */
    public static synchronized void start() {
        if (server != null && server.isRunning()) {
            return;
        }
        ServerSetup smtp = port == 0 ? new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()
                : new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = imapPort == 0 ? new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
                : new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        server = new GreenMail(new ServerSetup[] {smtp.setVerbose(false), imap.setVerbose(false)});
        server.start();
        server.setUser(DESK_ADDRESS, DESK_ADDRESS, "desk");
        port = server.getSmtp().getPort();
        imapPort = server.getImap().getPort();
    }

    /** Puts a mail straight into the support mailbox, as if it had just arrived. */
    public static synchronized void deliverToDesk(MimeMessage mail) {
        server.getUserManager().getUserByEmail(DESK_ADDRESS).deliver(mail);
    }

    /** Puts a mail into the support mailbox with the server's arrival time (IMAP internal date) given. */
    public static synchronized void deliverToDesk(MimeMessage mail, java.util.Date arrivedAt) {
        try {
            server.getManagers().getImapHostManager().getInbox(server.getUserManager().getUserByEmail(DESK_ADDRESS))
                    .appendMessage(mail, new jakarta.mail.Flags(), arrivedAt);
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mails in the support mailbox (read or not). */
    public static synchronized int deskMailboxSize() {
        try {
            return server.getManagers().getImapHostManager()
                    .getInbox(server.getUserManager().getUserByEmail(DESK_ADDRESS)).getMessageCount();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SMTP down: connections to the port are refused until {@link #start()}. Received mail is lost. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static synchronized int port() {
        return port;
    }

    /** Everything received since the server (re)started, in arrival order. */
    public static synchronized List<MimeMessage> received() {
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    /** The mails about one complaint (our mails carry its reference in X-Complaint-Reference). */
    public static List<MimeMessage> about(String reference) {
        return received().stream().filter(m -> reference.equals(header(m, "X-Complaint-Reference"))).toList();
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
