package vn.complaintdesk.apidocs;

import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import vn.complaintdesk.channels.ChannelMessagePayload;

/**
 * The bodies that controllers read as free JSON (a map, or raw bytes for the signature check) get
 * the schema of what they really take; the webhook's answer gets its schema; and every 4xx answer
 * an operation names is a problem document.
 */
@Component
class RequestAndAnswerBodies implements OpenApiCustomizer {

    private static final String JSON = "application/json";

    /** POST path → the schema its JSON body must follow. */
    private static final Map<String, String> BODIES = Map.of(
            "/api/complaints/{reference}/events/{message}", PayloadSchemas.CUSTOMER_EVENT,
            "/api/track/{reference}/info", "CustomerInfoProvided",
            "/api/track/{reference}/answer", "CustomerAnswered",
            "/api/track/{reference}/survey", "SurveyAnswered",
            "/api/tasks/{id}/complete", PayloadSchemas.TASK_COMPLETION,
            "/api/channels/{channel}/messages", "ChannelMessagePayload");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        ResolvedSchema webhook = ModelConverters.getInstance()
                .resolveAsResolvedSchema(new AnnotatedType(ChannelMessagePayload.class));
        webhook.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (method == PathItem.HttpMethod.POST && BODIES.containsKey(path)) {
                operation.setRequestBody(jsonBody(BODIES.get(path), operation.getRequestBody()));
            }
            if (path.equals("/api/channels/{channel}/messages")) {
                answerWith(operation, "200", PayloadSchemas.CHANNEL_ANSWER);
                answerWith(operation, "201", PayloadSchemas.CHANNEL_ANSWER);
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") && response.get$ref() == null) {
                    response.setContent(ProblemSchemas.problem(response.getDescription()).getContent());
                }
            });
        }));
    }

    private static RequestBody jsonBody(String schemaName, RequestBody generated) {
        RequestBody body = generated == null ? new RequestBody() : generated;
        Content content = body.getContent() == null ? new Content() : body.getContent();
        content.remove("*/*");
        content.addMediaType(JSON, new MediaType().schema(ProblemSchemas.ref(schemaName)));
        return body.required(true).content(content);
    }

    private static void answerWith(Operation operation, String status, String schemaName) {
        ApiResponse response = operation.getResponses().get(status);
        if (response != null) {
            response.setContent(new Content().addMediaType(JSON, new MediaType().schema(ProblemSchemas.ref(schemaName))));
        }
    }
}
