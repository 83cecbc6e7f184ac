package vn.complaintdesk.deployments;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells whether a value holds only "plain" JUEL expressions: literals, variable references, comparisons
 * and boolean combinations of them ({@code ${outcome == 'RESOLVE_NOW'}}, {@code ${!accepts && round == 2}}).
 * No method or function calls, no property or index access, no beans: nothing that can reach code.
 */
final class JuelExpressions {

    private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "true", "false", "null", "empty");
    /** Arithmetic and JUEL's reserved word: not needed for a comparison. */
    private static final Set<String> OTHER_WORDS = Set.of("div", "mod", "instanceof");
    /** Names Camunda resolves to engine objects rather than to process variables. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope");

    private final Predicate<String> isBean;

    /** @param isBean whether a name would resolve to a bean of the application */
    JuelExpressions(Predicate<String> isBean) {
        this.isBean = isBean;
    }

    static boolean holdsExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    /** The first unsafe part of the {@code ${…}} / {@code #{…}} expressions in the value; empty when all are plain. */
    Optional<Unsafe> check(String value) {
        int i = 0;
        while (i < value.length() - 1) {
            char c = value.charAt(i);
            if ((c == '$' || c == '#') && value.charAt(i + 1) == '{') {
                Scan scan = new Scan(value, i + 2);
                Optional<Unsafe> problem = scan.run(true);
                if (problem.isPresent()) {
                    return problem;
                }
                i = scan.position + 1;
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    /** The body of one expression without delimiters, as Camunda's DMN engine wraps JUEL texts. */
    Optional<Unsafe> checkBody(String body) {
        return new Scan(body, 0).run(false);
    }

    private final class Scan {
        private final String text;
        private int position;
        private boolean operandExpected = true;

        Scan(String text, int start) {
            this.text = text;
            this.position = start;
        }

        /** Reads up to the closing brace (or the end of the text when there is none to look for). */
        Optional<Unsafe> run(boolean closedByBrace) {
            boolean empty = true;
            while (position < text.length()) {
                char c = text.charAt(position);
                if (Character.isWhitespace(c)) {
                    position++;
                } else if (c == '}' && closedByBrace) {
                    return empty ? Optional.of(Unsafe.OPERATOR) : Optional.empty();
                } else {
                    empty = false;
                    Optional<Unsafe> problem = token(c);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
            return closedByBrace ? Optional.of(Unsafe.UNCLOSED) : Optional.empty();
        }

        private Optional<Unsafe> token(char c) {
            if (c == '\'' || c == '"') {
                return string(c);
            }
            if (Character.isDigit(c) || (c == '-' && operandExpected && nextIsDigit())) {
                number();
                return Optional.empty();
            }
            if (Character.isJavaIdentifierStart(c)) {
                return identifier();
            }
            if (c == '.' || c == '[' || c == ']') {
                return Optional.of(Unsafe.PROPERTY_ACCESS);
            }
            if (c == '(') {
                position++;
                operandExpected = true;
                return Optional.empty();
            }
            if (c == ')') {
                position++;
                operandExpected = false;
                return Optional.empty();
            }
            for (String operator : new String[] {"==", "!=", "<=", ">=", "&&", "||", "<", ">", "!"}) {
                if (text.startsWith(operator, position)) {
                    position += operator.length();
                    operandExpected = true;
                    return Optional.empty();
                }
            }
            return Optional.of(Unsafe.OPERATOR);
        }

        private Optional<Unsafe> string(char quote) {
            position++;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '\\') {
                    position++;
                } else if (c == quote) {
                    operandExpected = false;
                    return Optional.empty();
                }
            }
            return Optional.of(Unsafe.UNCLOSED);
        }

        private void number() {
            position++;
            while (position < text.length() && (Character.isDigit(text.charAt(position))
                    || (text.charAt(position) == '.' && position + 1 < text.length()
                            && Character.isDigit(text.charAt(position + 1))))) {
                position++;
            }
            operandExpected = false;
        }

        private Optional<Unsafe> identifier() {
            int start = position;
            while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
                position++;
            }
            String name = text.substring(start, position);
            int next = position;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            if (next < text.length() && (text.charAt(next) == '(' || text.charAt(next) == ':')) {
                return Optional.of(Unsafe.CALL);
            }
            if (OPERATOR_WORDS.contains(name)) {
                operandExpected = !Set.of("true", "false", "null").contains(name);
                return Optional.empty();
            }
            if (OTHER_WORDS.contains(name)) {
                return Optional.of(Unsafe.OPERATOR);
            }
            if (ENGINE_OBJECTS.contains(name) || isBean.test(name)) {
                return Optional.of(Unsafe.BEAN);
            }
            if (!Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
                return Optional.of(Unsafe.OPERATOR);
            }
            operandExpected = false;
            return Optional.empty();
        }

        private boolean nextIsDigit() {
            return position + 1 < text.length() && Character.isDigit(text.charAt(position + 1));
        }
    }
}
