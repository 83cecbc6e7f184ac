package vn.complaintdesk.apidocs;

import static vn.complaintdesk.apidocs.ProblemSchemas.answer;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * What every call can answer whatever it does, and who may call it, added to each operation from
 * its path: security filters, the rate limit and the request parser answer before any controller.
 * An operation's own answers (its annotations) are kept.
 */
@Component
class StandardAnswers implements OpenApiCustomizer {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = ApiDocumentation.PUBLIC_PATHS.stream().anyMatch(pattern -> PATHS.match(pattern, path));
        operation.setSecurity(securityOf(path, open));
        ApiResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (takesInput) {
            responses.putIfAbsent("400", answer(ProblemSchemas.BAD_REQUEST));
        }
        responses.putIfAbsent("401", answer(ProblemSchemas.UNAUTHORIZED));
        if (!open && method != PathItem.HttpMethod.GET) {
            responses.putIfAbsent("403", answer(ProblemSchemas.FORBIDDEN));
        }
        boolean answersContent = responses.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null);
        if (answersContent) {
            responses.putIfAbsent("406", answer(ProblemSchemas.NOT_ACCEPTABLE));
        }
        if (operation.getRequestBody() != null) {
            if (open) {
                responses.putIfAbsent("413", answer(ProblemSchemas.PAYLOAD_TOO_LARGE));
            }
            responses.putIfAbsent("415", answer(ProblemSchemas.UNSUPPORTED_MEDIA_TYPE));
        }
        responses.putIfAbsent("429", answer(ProblemSchemas.TOO_MANY_REQUESTS));
    }

    private static List<SecurityRequirement> securityOf(String path, boolean open) {
        if (path.startsWith("/api/track/")) {
            return List.of(new SecurityRequirement().addList(ApiDocumentation.TRACKING_TOKEN));
        }
        if (path.startsWith("/api/channels/")) {
            return List.of(new SecurityRequirement().addList(ApiDocumentation.WEBHOOK_SIGNATURE));
        }
        List<SecurityRequirement> staff = List.of(new SecurityRequirement().addList(ApiDocumentation.STAFF_BASIC),
                new SecurityRequirement().addList(ApiDocumentation.STAFF_SESSION));
        if (!open) {
            return staff;
        }
        // Filing is open to anyone; staff filing for a customer may log in (and then set more).
        return List.of(new SecurityRequirement(), staff.get(0), staff.get(1));
    }
}
