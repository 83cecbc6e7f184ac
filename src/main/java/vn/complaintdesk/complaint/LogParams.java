package vn.complaintdesk.complaint;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters of a log-book entry, some of which may be absent (null values are left out). */
public final class LogParams {

    private LogParams() {
    }

    public static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                params.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return params;
    }
}
