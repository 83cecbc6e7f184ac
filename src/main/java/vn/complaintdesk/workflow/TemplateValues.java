package vn.complaintdesk.workflow;

import java.util.HashMap;
import java.util.Map;

/** The values a step hands to a mail or letter template; unlike {@code Map.of}, a value may be null. */
final class TemplateValues {

    private TemplateValues() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }
}
