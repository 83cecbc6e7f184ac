package vn.complaintdesk.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.web.LocalizedFormats;

/**
 * Whatever the length of the reply, the signature never stands alone on a page: it goes over
 * together with the letter's last paragraph.
 */
@DeskTest
class LetterSignatureTest {

    @Autowired LetterPdfRenderer renderer;
    @Autowired LetterheadProperties letterhead;

    @ParameterizedTest
    @CsvSource({"vi, BỘ PHẬN CHĂM SÓC KHÁCH HÀNG, Tòa án nhân dân", "en, CUSTOMER SERVICE, People’s Court"})
    void whenTheSignatureGoesOverToTheNextPageTheLastParagraphGoesWithIt(String language, String signature,
            String lastParagraph) throws Exception {
        int twoPageLetters = 0;
        for (int lines = 1; lines <= 24; lines++) {
            byte[] pdf = renderer.pdf(renderer.html(Letters.Kind.REPLY, Locale.forLanguageTag(language),
                    model(lines, language)));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                if (document.getNumberOfPages() < 2) {
                    continue;
                }
                twoPageLetters++;
                String lastPage = pageText(document, document.getNumberOfPages());
                assertThat(lastPage).as("last page of a reply with %d lines", lines)
                        .contains(signature, lastParagraph);
            }
        }
        assertThat(twoPageLetters).as("replies long enough to need a second page").isPositive();
    }

    private Map<String, Object> model(int lines, String language) {
        Map<String, Object> model = new HashMap<>();
        StringBuilder reply = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            reply.append("Dòng ").append(i).append(": chúng tôi đã kiểm tra giao dịch và hoàn lại khoản tiền.\n");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        model.put("replyText", reply.toString());
        model.put("remedy", "REFUND");
        model.put("amount", 1_500_000L);
        model.put("answerBy", now.plusDays(14));
        model.put("kind", "REPLY");
        model.put("lang", language);
        model.put("reference", "KN-2026-000001");
        model.put("customerName", "Phạm Quốc Anh");
        model.put("complaintSubject", "Rút tiền chưa về");
        model.put("receivedAt", now);
        model.put("issuedAt", now);
        model.put("trackingUrl", "http://localhost:8080/track/KN-2026-000001?token=t");
        model.put("letterhead", letterhead);
        model.put("fmt", new LocalizedFormats(Locale.forLanguageTag(language), ZoneId.of("Asia/Ho_Chi_Minh")));
        return model;
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
}
