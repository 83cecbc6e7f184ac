package vn.complaintdesk.deployments;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells whether a FEEL text of a decision table (input expression, input or output entry) is plain:
 * literals, variable names, unary tests ({@code < 3}, {@code [1..10]}, {@code "A","B"}, {@code not("X")}),
 * comparisons and arithmetic. No function calls except the literal constructors {@code date}, {@code time},
 * {@code duration} and {@code not}; no property access, no contexts, no function definitions (FEEL's way to
 * Java), no loops.
 */
final class FeelTexts {

    private static final Set<String> LITERAL_FUNCTIONS = Set.of("not", "date", "time", "duration");
    private static final Set<String> REFUSED_WORDS = Set.of("function", "external", "for", "some", "every");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "true", "false", "null", "between", "if",
            "then", "else", "instance", "of", "in", "date", "time", "duration", "years", "months", "days");
    private static final String[] OPERATORS = {"..", "<=", ">=", "!=", "**", "<", ">", "=", "-", "+", "*", "/", ",",
            "(", ")", "[", "]", "?"};

    private final Predicate<String> isBean;

    FeelTexts(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    Optional<Unsafe> check(String text) {
        int position = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '"') {
                position = endOfString(text, position);
                if (position < 0) {
                    return Optional.of(Unsafe.UNCLOSED);
                }
            } else if (c == '@' && position + 1 < text.length() && text.charAt(position + 1) == '"') {
                position++;
            } else if (Character.isDigit(c)) {
                position = endOfNumber(text, position);
            } else if (Character.isLetter(c) || c == '_') {
                int start = position;
                while (position < text.length()
                        && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
                    position++;
                }
                Optional<Unsafe> problem = name(text.substring(start, position), followedByParenthesis(text, position));
                if (problem.isPresent()) {
                    return problem;
                }
            } else if (c == '.' && !text.startsWith("..", position)) {
                return Optional.of(Unsafe.PROPERTY_ACCESS);
            } else {
                int length = operatorLength(text, position);
                if (length == 0) {
                    return Optional.of(Unsafe.OPERATOR);
                }
                position += length;
            }
        }
        return Optional.empty();
    }

    private Optional<Unsafe> name(String name, boolean called) {
        if (REFUSED_WORDS.contains(name)) {
            return Optional.of(Unsafe.OPERATOR);
        }
        if (called && !LITERAL_FUNCTIONS.contains(name)) {
            return Optional.of(Unsafe.CALL);
        }
        if (!WORDS.contains(name) && isBean.test(name)) {
            return Optional.of(Unsafe.BEAN);
        }
        return Optional.empty();
    }

    private static int endOfString(String text, int start) {
        int position = start + 1;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\\') {
                position++;
            } else if (c == '"') {
                return position;
            }
        }
        return -1;
    }

    private static int endOfNumber(String text, int start) {
        int position = start + 1;
        while (position < text.length() && (Character.isDigit(text.charAt(position))
                || (text.charAt(position) == '.' && position + 1 < text.length()
                        && Character.isDigit(text.charAt(position + 1))))) {
            position++;
        }
        return position;
    }

    private static boolean followedByParenthesis(String text, int position) {
        int next = position;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        return next < text.length() && text.charAt(next) == '(';
    }

    private static int operatorLength(String text, int position) {
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, position)) {
                return operator.length();
            }
        }
        return 0;
    }
}
