package vn.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SmtpRefusalTest {

    @Test
    void a5xxForTheRecipientAsSpringReportsItIsPermanentWithTheServersWords() throws Exception {
        InternetAddress to = new InternetAddress("gone@example.vn");
        SendFailedException failed = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 550, "550 5.1.1 <gone@example.vn>: User unknown"),
                new Address[0], new Address[0], new Address[] {to});
        MailSendException reported = new MailSendException(Map.of(new Object(), failed));
        assertThat(SmtpRefusal.permanent(reported)).hasValue("550 5.1.1 <gone@example.vn>: User unknown");
    }

    @Test
    void a4xxOrAnUnreachableServerIsWorthAnotherTry() throws Exception {
        InternetAddress to = new InternetAddress("busy@example.vn");
        assertThat(SmtpRefusal.permanent(new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 452, "452 4.2.2 Mailbox full")))).isEmpty();
        assertThat(SmtpRefusal.permanent(new MessagingException("Could not connect to SMTP host",
                new java.net.ConnectException("Connection refused")))).isEmpty();
    }

    @Test
    void anAddressThatIsNoAddressIsPermanent() {
        assertThat(SmtpRefusal.permanent(new AddressException("Missing final '@domain'", "anh.pham")))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("invalid address"));
    }

    @Test
    void aRefusedSenderIsOurSettingAndRetried() throws Exception {
        assertThat(SmtpRefusal.permanent(new SMTPSenderFailedException(new InternetAddress("no-reply@desk.local"),
                "MAIL FROM", 553, "553 sender not allowed"))).isEmpty();
    }
}
