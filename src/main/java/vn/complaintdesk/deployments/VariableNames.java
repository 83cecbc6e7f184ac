package vn.complaintdesk.deployments;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The variable names an expression reads (string literals and the languages' own words left out). */
final class VariableNames {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
            "false", "null", "empty", "div", "mod", "instanceof", "between", "if", "then", "else", "instance", "of",
            "in", "date", "time", "duration", "years", "months", "days");
    /** Engine objects an expression may name (only the business key handed to a called process). */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution");

    private VariableNames() {
    }

    /** In a value holding {@code ${…}} or {@code #{…}} expressions (conditions, timers, attributes). */
    static Set<String> inExpressions(String value) {
        Set<String> names = new LinkedHashSet<>();
        if (value == null) {
            return names;
        }
        Matcher expressions = EXPRESSION.matcher(value);
        while (expressions.find()) {
            names.addAll(inText(expressions.group(1)));
        }
        return names;
    }

    /** In an expression without delimiters (a decision table's input expression). */
    static Set<String> inText(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher identifiers = IDENTIFIER.matcher(QUOTED.matcher(text).replaceAll(" "));
        while (identifiers.find()) {
            String name = identifiers.group();
            if (!WORDS.contains(name) && !ENGINE_OBJECTS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
