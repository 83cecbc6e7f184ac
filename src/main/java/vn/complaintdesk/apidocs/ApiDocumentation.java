package vn.complaintdesk.apidocs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of {@code /api/**}: {@code /v3/api-docs} (staff), {@code /v3/api-docs/public}
 * (the customers' and channels' calls, readable without login) and Swagger UI for staff. The
 * committed copy is {@code docs/openapi.json}; {@code OpenApiDocumentTest} keeps both equal.
 */
@Configuration
public class ApiDocumentation {

    public static final String STAFF_BASIC = "staffBasic";
    public static final String STAFF_SESSION = "staffSession";
    public static final String TRACKING_TOKEN = "trackingToken";
    public static final String WEBHOOK_SIGNATURE = "webhookSignature";

    public static final String TAG_INTAKE = "Intake";
    public static final String TAG_COMPLAINTS = "Complaints (staff)";
    public static final String TAG_TASKS = "Tasks (staff)";
    public static final String TAG_TRACKING = "Tracking (customer)";
    public static final String TAG_CHANNELS = "Channels (webhooks)";

    /** The calls anyone may make: filing, the tracking link and the signed channel webhooks. */
    static final List<String> PUBLIC_PATHS = List.of("/api/complaints", "/api/track/**", "/api/channels/**");

    /**
     * Applied to each group's freshly built document: an {@code OpenAPI} bean would be copied
     * shallowly into every group, and the groups would then share (and mix) their paths.
     */
    private static void describeDesk(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        schemas().forEach(components::addSchemas);
        ProblemSchemas.responses().forEach(components::addResponses);
        securitySchemes().forEach(components::addSecuritySchemes);
        openApi.components(components)
                .info(new Info().title("Complaint desk API (Bàn tiếp nhận khiếu nại)").version("1")
                        .description("""
                                The HTTP API of the complaint desk. JSON in and out; times are ISO-8601 with offset \
                                (the desk writes `+07:00`); texts of answers in the caller's language \
                                (`Accept-Language: vi` default, `en`). Every error is `application/problem+json`; \
                                an invalid request names its fields in `errors: [{field, message}]`. \
                                Process keys, task keys, messages and statuses: `docs/process-contract.md`."""))
                // Relative: the document is served by the desk itself; a generated client sets its base URL.
                .servers(List.of(new Server().url("/").description("this desk")))
                .tags(List.of(
                        new Tag().name(TAG_INTAKE).description("Filing a complaint (public; staff for phone, post, counter)"),
                        new Tag().name(TAG_TRACKING).description("The customer's tracking link: status, letters, answers"),
                        new Tag().name(TAG_CHANNELS).description("Chat and social integrations, signed with the channel's secret"),
                        new Tag().name(TAG_COMPLAINTS).description("The complaint file and customer events entered by staff"),
                        new Tag().name(TAG_TASKS).description("The staff's open tasks: claim, release, complete")));
    }

    @Bean
    GroupedOpenApi publicApi(StandardAnswers standardAnswers, RequestAndAnswerBodies bodies) {
        return GroupedOpenApi.builder().group("public").displayName("Public calls (customers, channels)")
                .pathsToMatch(PUBLIC_PATHS.toArray(String[]::new))
                .addOpenApiCustomizer(ApiDocumentation::describeDesk)
                .addOpenApiCustomizer(bodies)
                .addOpenApiCustomizer(standardAnswers)
                .build();
    }

    @Bean
    GroupedOpenApi deskApi(StandardAnswers standardAnswers, RequestAndAnswerBodies bodies) {
        return GroupedOpenApi.builder().group("desk").displayName("The whole API (staff)")
                .pathsToMatch("/api/**")
                .addOpenApiCustomizer(ApiDocumentation::describeDesk)
                .addOpenApiCustomizer(bodies)
                .addOpenApiCustomizer(standardAnswers)
                .build();
    }

    private static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new TreeMap<>(ProblemSchemas.schemas());
        schemas.putAll(PayloadSchemas.schemas());
        return schemas;
    }

    private static Map<String, SecurityScheme> securitySchemes() {
        return Map.of(
                STAFF_BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Staff user name and password (a Camunda user). No CSRF token needed."),
                STAFF_SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                        .name("JSESSIONID")
                        .description("The session of the login form (`/login`); writes need the page's CSRF token "
                                + "(`X-CSRF-TOKEN` header or `_csrf` field), else 403."),
                TRACKING_TOKEN, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.QUERY)
                        .name("token")
                        .description("The customer's `trackingToken` from the intake answer (valid until 90 days "
                                + "after closing). Wrong, expired or another complaint's token: 404."),
                WEBHOOK_SIGNATURE, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                        .name("X-Signature")
                        .description("`sha256=<hex HMAC-SHA256 of \"<X-Timestamp>.<body>\" with the channel's secret>`, "
                                + "with header `X-Timestamp` (unix seconds, at most 5 minutes off). Otherwise 401."));
    }
}
