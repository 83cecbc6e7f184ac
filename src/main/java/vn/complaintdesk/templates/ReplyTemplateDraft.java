package vn.complaintdesk.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

/** A template as typed on the library page, before it is saved; {@link #problems} says what is wrong. */
public record ReplyTemplateDraft(String name, String language, String purpose, String body, boolean active) {

    static final List<String> LANGUAGES = List.of("vi", "en");
    static final int MAX_NAME = 200;
    static final int MAX_BODY = 10000;

    public ReplyTemplateDraft {
        name = name == null ? "" : name.strip();
        language = language == null ? "" : language.strip();
        purpose = purpose == null ? "" : purpose.strip();
        body = body == null ? "" : body.strip();
    }

    public static ReplyTemplateDraft of(ReplyTemplate template) {
        return new ReplyTemplateDraft(template.name(), template.language(), template.purpose().name(), template.body(),
                template.active());
    }

    /** The purpose chosen; only once {@link #problems} found none. */
    TemplatePurpose purposeChosen() {
        return TemplatePurpose.named(purpose).orElseThrow();
    }

    /** Field → message, in form order; empty when it may be saved. */
    Map<String, String> problems(long id, ReplyTemplates library, MessageSource messages, Locale locale) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty()) {
            problems.put("name", messages.getMessage("validation.required", null, locale));
        } else if (name.length() > MAX_NAME) {
            problems.put("name", messages.getMessage("validation.maxLength", new Object[] {MAX_NAME}, locale));
        }
        if (!LANGUAGES.contains(language)) {
            problems.put("language", messages.getMessage("validation.language", null, locale));
        } else if (!problems.containsKey("name") && library.nameTaken(name, language, id)) {
            problems.put("name", messages.getMessage("templates.nameTaken", null, locale));
        }
        TemplatePurpose chosen = TemplatePurpose.named(purpose).orElse(null);
        if (chosen == null) {
            problems.put("purpose", messages.getMessage("templates.purposeInvalid", null, locale));
        }
        List<String> unknown = Placeholders.unknownIn(body);
        List<String> unfillable = chosen == null ? List.of()
                : Placeholders.in(body).stream().filter(chosen.unfillablePlaceholders()::contains).toList();
        if (body.isEmpty()) {
            problems.put("body", messages.getMessage("validation.required", null, locale));
        } else if (body.length() > MAX_BODY) {
            problems.put("body", messages.getMessage("validation.maxLength", new Object[] {MAX_BODY}, locale));
        } else if (!unknown.isEmpty()) {
            problems.put("body", messages.getMessage("templates.unknownPlaceholder", new Object[] {
                    written(unknown), written(Placeholders.KNOWN)}, locale));
        } else if (!unfillable.isEmpty()) {
            problems.put("body", messages.getMessage("templates.placeholderNotForPurpose", new Object[] {
                    written(unfillable)}, locale));
        }
        return problems;
    }

    private static String written(List<String> names) {
        return names.stream().map(Placeholders::written).collect(Collectors.joining(", "));
    }
}
