package vn.complaintdesk.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The engine's REST API has two doors: {@code /engine-rest} (HTTP Basic or the session) and the
 * webapps' {@code /camunda/api/engine/engine/{engine}} (Tasklist, Cockpit, Admin). A rule on one
 * must hold on both, with or without a trailing slash.
 */
final class EngineApiPaths {

    static final String TASK_ID = "taskId";

    private static final List<String> DOORS = List.of("/engine-rest", "/camunda/api/engine/engine/{engineName}");

    private EngineApiPaths() {
    }

    /** {@code path} below either door, e.g. {@code /task/{taskId}/comment/create}; {@code method} null for all. */
    static RequestMatcher engineApi(HttpMethod method, String path) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String door : DOORS) {
            matchers.add(withDefaults().matcher(method, door + path));
            if (!path.endsWith("/**")) {
                matchers.add(withDefaults().matcher(method, door + path + "/"));
            }
        }
        return new OrRequestMatcher(matchers);
    }
}
