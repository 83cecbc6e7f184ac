package vn.complaintdesk.channels;

import static org.assertj.core.api.Assertions.assertThat;

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
}
