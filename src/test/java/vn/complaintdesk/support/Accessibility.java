package vn.complaintdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core run in the page the browser shows (the script comes from the test classpath, out of the
 * axe-core Selenium artifact): the serious and critical violations, as one line each.
 */
public final class Accessibility {

    private static final String AXE = load();

    private Accessibility() {
    }

    /** Violations of impact serious or critical, e.g. "color-contrast (serious): #now > p"; empty if none. */
    public static String seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5)
                        .map(function (n) { return n.target.join(' '); }).join(', ');
                    }).join('\\n'));
                }).catch(function (e) { done('axe failed: ' + e); });
                """);
        return String.valueOf(result);
    }

    /** True when the page is wider than the window, so that the reader must scroll sideways. */
    public static boolean overflowsHorizontally(WebDriver driver) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
