package vn.complaintdesk.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Letters as PDF: a Thymeleaf template of {@code templates/letters/} (one per kind, sharing
 * {@code layout.html}) is filled in the customer's language and drawn by openhtmltopdf with DejaVu
 * Sans embedded (subset), which has every Vietnamese letter with its diacritics.
 *
 * <p>The template engine is private to this class (not a bean), so it neither replaces nor disturbs
 * the web pages' engine.
 */
@Component
public class LetterPdfRenderer {

    /** The CSS font-family of the letters (templates/letters/layout.html). */
    static final String FONT_FAMILY = "DejaVu Sans";

    /** Characters XML 1.0 forbids in a document. */
    private static final Pattern XML_FORBIDDEN = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final byte[] regular;
    private final byte[] bold;

    public LetterPdfRenderer(MessageSource messages) {
        PdfRendererLog.install();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/letters/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        regular = font("fonts/DejaVuSans.ttf");
        bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    /** The letter's XHTML: what the PDF is drawn from (kept with the letter). */
    public String html(Letters.Kind kind, Locale locale, Map<String, Object> model) {
        return withoutCharactersXmlForbids(engine.process(kind.name(), new Context(locale, model)));
    }

    /**
     * The PDF is drawn from XML, which forbids most control characters; one pasted into a complaint
     * (say a stray BEL from a phone note) would otherwise make every letter of it fail.
     */
    static String withoutCharactersXmlForbids(String xhtml) {
        return XML_FORBIDDEN.matcher(xhtml).replaceAll("");
    }

    public byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument document = new PDDocument();
                TrueTypeFont regularFont = withoutLigatures(regular);
                TrueTypeFont boldFont = withoutLigatures(bold)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withProducer("complaint-desk");
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, regularFont, true)), FONT_FAMILY, 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, boldFont, true)), FONT_FAMILY, 700,
                    FontStyle.NORMAL, true);
            // Letters are self-contained: nothing is fetched from outside while drawing them.
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            // Break lines at spaces only (the default also breaks after "/", splitting dates like
            // 07/12/2026); the tracking link still wraps through its CSS word-wrap: break-word.
            builder.useUnicodeLineBreaker(new SpaceLineBreaker());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the letter as PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * The font with its glyph substitutions (GSUB) off. PDFBox applies the font's ligatures by
     * default, drawing "fi" and "fl" as one glyph that copies out of the PDF as U+FB01/U+FB02: an
     * e-mail address or tracking link copied from a letter would then be wrong. Vietnamese needs no
     * substitution: every letter with its diacritics has its own glyph in DejaVu Sans.
     */
    private static TrueTypeFont withoutLigatures(byte[] font) throws IOException {
        TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
        parsed.setEnableGsub(false);
        return parsed;
    }

    /** java.text's line breaking (UAX #14) without openhtmltopdf's extra breaks inside URLs. */
    private static final class SpaceLineBreaker implements FSTextBreaker {

        private final BreakIterator iterator = BreakIterator.getLineInstance(Locale.ROOT);

        @Override
        public int next() {
            return iterator.next();
        }

        @Override
        public void setText(String text) {
            iterator.setText(text);
        }
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + path + " missing from the classpath", e);
        }
    }
}
