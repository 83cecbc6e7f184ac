package vn.complaintdesk.templates;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What a template is written for, and so which task form offers it and which field it fills. */
public enum TemplatePurpose {

    /** The reply letter's text, written in the proposal forms. */
    REPLY("replyText", Set.of("ProposeResolution", "ReviewSecondRound"), Set.of()),

    /** The questions mailed to the customer when the analysis needs more information. */
    INFO_REQUEST("questionsForCustomer", Set.of("AnalyzeComplaint"), Set.of("amount"));

    private final String field;
    private final Set<String> taskKeys;
    private final Set<String> unfillablePlaceholders;

    TemplatePurpose(String field, Set<String> taskKeys, Set<String> unfillablePlaceholders) {
        this.field = field;
        this.taskKeys = taskKeys;
        this.unfillablePlaceholders = unfillablePlaceholders;
    }

    /** The task form field the filled template goes into. */
    public String field() {
        return field;
    }

    /**
     * Placeholders that never have a value for this purpose: no amount is known when asking the
     * customer for information.
     */
    public Set<String> unfillablePlaceholders() {
        return unfillablePlaceholders;
    }

    /** The purpose of the templates the form of {@code taskKey} offers, if it offers any. */
    public static Optional<TemplatePurpose> ofTask(String taskKey) {
        return Arrays.stream(values()).filter(p -> p.taskKeys.contains(taskKey)).findFirst();
    }

    /** The purpose named exactly {@code name}; empty for anything else (blank, misspelt, null). */
    public static Optional<TemplatePurpose> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
