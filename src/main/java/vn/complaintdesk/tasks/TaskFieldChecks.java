package vn.complaintdesk.tasks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import vn.complaintdesk.web.ControlCharacters;
import vn.complaintdesk.web.FieldProblem;

/** Small, localized checks that the task rules combine. */
public class TaskFieldChecks {

    private final Map<String, Object> fields;
    private final MessageSource messages;
    private final Locale locale;
    private final List<FieldProblem> problems = new ArrayList<>();

    public TaskFieldChecks(Map<String, Object> fields, MessageSource messages, Locale locale) {
        this.fields = fields;
        this.messages = messages;
        this.locale = locale;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public String text(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * A problem for each field holding a control character other than tab and line breaks (the
     * fields of a task or customer event are texts or choices; a choice holding one is refused
     * anyway).
     */
    public List<FieldProblem> controlCharacters() {
        fields.forEach((field, value) -> {
            Collection<?> items = value instanceof Collection<?> collection ? collection : List.of(String.valueOf(value));
            if (ControlCharacters.inLine(field) || items.stream().anyMatch(v -> ControlCharacters.inText(String.valueOf(v)))) {
                problems.add(new FieldProblem(ControlCharacters.toLine(field), message("validation.controlCharactersInText")));
            }
        });
        return problems;
    }

    public boolean required(String field) {
        if (text(field) == null) {
            problems.add(new FieldProblem(field, message("validation.required")));
            return false;
        }
        return true;
    }

    public void maxLength(String field, int max) {
        String text = text(field);
        if (text != null && text.length() > max) {
            problems.add(new FieldProblem(field, message("validation.maxLength", max)));
        }
    }

    public String oneOf(String field, boolean required, String... allowed) {
        String value = text(field);
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(field, message("validation.required")));
            }
            return null;
        }
        if (!Arrays.asList(allowed).contains(value)) {
            problems.add(new FieldProblem(field, message("validation.oneOf", String.join(", ", allowed))));
            return null;
        }
        return value;
    }

    public List<String> listOf(String field, String... allowed) {
        Object value = fields.get(field);
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.stream().filter(v -> v != null && !v.toString().isBlank())
                    .forEach(v -> items.add(v.toString().strip()));
        } else if (value != null && !value.toString().isBlank()) {
            Arrays.stream(value.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        }
        for (String item : items) {
            if (!Arrays.asList(allowed).contains(item)) {
                problems.add(new FieldProblem(field, message("validation.oneOf", String.join(", ", allowed))));
                return List.of();
            }
        }
        return items.stream().distinct().toList();
    }

    public Long nonNegativeAmount(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.replace("_", ""));
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 0) {
                problems.add(new FieldProblem(field, message("validation.amount")));
                return null;
            }
            return amount.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new FieldProblem(field, message("validation.amount")));
            return null;
        }
    }

    public Boolean bool(String field) {
        Object value = fields.get(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("on") || text.equals("yes")) {
            return true;
        }
        if (text.equals("false") || text.equals("off") || text.equals("no")) {
            return false;
        }
        problems.add(new FieldProblem(field, message("validation.boolean")));
        return null;
    }

    public void add(String field, String key, Object... args) {
        problems.add(new FieldProblem(field, message(key, args)));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
