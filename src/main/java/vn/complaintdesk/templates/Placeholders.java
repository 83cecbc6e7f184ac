package vn.complaintdesk.templates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a reply template may use, and filling them in. Anything between braces counts as
 * a placeholder, so that a misspelt one ({@code {customer name}}) is reported instead of reaching the
 * customer.
 */
public final class Placeholders {

    /** The known names, in the order the library page explains them. */
    public static final List<String> KNOWN = List.of("customer.name", "reference", "subject", "category",
            "receivedAt", "incidentDate", "replyDueAt", "resolutionDueAt", "amount", "company", "hotline");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]{0,80})\\}");

    private Placeholders() {
    }

    /** Every placeholder of the text, as written between the braces, once each, in order. */
    public static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The placeholders of the text that are not among {@link #KNOWN}. */
    public static List<String> unknownIn(String text) {
        return in(text).stream().filter(name -> !KNOWN.contains(name)).toList();
    }

    /**
     * The text with every placeholder replaced by its value.
     *
     * @throws Unfilled naming the placeholders that have no value (unknown, or unknown yet such as
     *         the amount before it is entered); nothing half-filled is ever returned
     */
    public static String fill(String text, Map<String, String> values) {
        List<String> missing = new ArrayList<>();
        for (String name : in(text)) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new Unfilled(missing);
        }
        // Braces inside a value (a customer typed "{VIP}" into their name) become parentheses, so the
        // filled text never looks as if a placeholder were left; anything else is inserted literally.
        return PLACEHOLDER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                values.get(match.group(1)).replace('{', '(').replace('}', ')')));
    }

    /** How a placeholder is written in a template. */
    public static String written(String name) {
        return "{" + name + "}";
    }

    /** Placeholders that could not be filled. */
    public static final class Unfilled extends RuntimeException {

        private final List<String> names;

        Unfilled(List<String> names) {
            super("placeholders without a value: " + names);
            this.names = List.copyOf(names);
        }

        public List<String> names() {
            return names;
        }
    }
}
