package vn.complaintdesk.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** What is kept of a mail's text: the customer's own words, in their language. */
class MailReaderTest {

    @Test
    void quotedMailAndItsAttributionAreDropped() {
        String text = "Tôi đồng ý.\n\nVào Th 2, 23 thg 11, 2026 lúc 10:00, CSKH <cskh@x.vn>\nđã viết:\n> Kính gửi Quý khách";
        assertThat(MailReader.withoutQuotedMail(text)).isEqualTo("Tôi đồng ý.");
    }

    @Test
    void englishAttributionAndSignatureAreDropped() {
        String text = "I accept.\nThanks\n-- \nJohn\nOn Mon, Nov 23, 2026 Desk wrote:\n> Dear customer";
        assertThat(MailReader.withoutQuotedMail(text)).isEqualTo("I accept.\nThanks");
    }

    @Test
    void aMailThatIsOnlyQuotedKeepsItsText() {
        assertThat(MailReader.withoutQuotedMail("> nothing new")).isEqualTo("> nothing new");
    }

    @Test
    void htmlBecomesReadableText() {
        assertThat(MailReader.htmlToText("<html><head><style>p{}</style></head><body><p>Xin ch&agrave;o</p>"
                + "<div>T&ocirc;i <b>kh&ocirc;ng</b> đồng ý<br>Mai</div></body></html>"))
                .isEqualTo("Xin chào\nTôi không đồng ý\nMai");
    }

    @Test
    void languageIsVietnameseUnlessTheTextIsPlainlyEnglish() {
        assertThat(MailReader.languageOf("Tôi chưa nhận được tiền")).isEqualTo("vi");
        assertThat(MailReader.languageOf("Toi chua nhan duoc tien")).isEqualTo("vi");
        assertThat(MailReader.languageOf("I have not received my refund and the app is broken")).isEqualTo("en");
    }

    @Test
    void aMailIsReceivedWhenItReachedTheMailboxNotWhenItIsRead() {
        Instant arrived = Instant.parse("2026-11-20T11:00:00Z");
        Instant read = Instant.parse("2026-11-23T01:30:00Z");
        Duration skew = Duration.ofMinutes(15);

        assertThat(MailReader.arrival(arrived, arrived.minusSeconds(40), read, skew)).isEqualTo(arrived);
        assertThat(MailReader.arrival(read.plusSeconds(90), null, read, skew)).as("never later than read")
                .isEqualTo(read);
        assertThat(MailReader.arrival(arrived, arrived.plus(Duration.ofHours(2)), read, skew))
                .as("never earlier than Date: less the skew").isEqualTo(arrived.plus(Duration.ofMinutes(105)));
        assertThat(MailReader.arrival(null, arrived, read, skew)).as("POP3: no internal date, Date: is the sender's word")
                .isEqualTo(read);
    }
}
