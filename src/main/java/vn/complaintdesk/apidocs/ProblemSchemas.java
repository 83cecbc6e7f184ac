package vn.complaintdesk.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * The problem documents (RFC 9457) every error of the API answers with, and the shared error
 * answers that operations refer to by name ({@code #/components/responses/NotFound}, …).
 */
final class ProblemSchemas {

    static final String PROBLEM_JSON = "application/problem+json";

    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String NOT_ACCEPTABLE = "NotAcceptable";
    static final String CONFLICT = "Conflict";
    static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";

    private ProblemSchemas() {
    }

    static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        schemas.put("FieldProblem", new ObjectSchema()
                .description("One invalid field, named as in the request (`customer.email`, `attachments[0].filename`, "
                        + "a parameter or header name)")
                .addProperty("field", new StringSchema().example("customer.email"))
                .addProperty("message", new StringSchema().example("phải là địa chỉ e-mail hợp lệ"))
                .required(List.of("field", "message")));
        schemas.put("Problem", new ObjectSchema()
                .description("An error (RFC 9457 problem details). `errors` is present when fields are invalid "
                        + "(`type` `urn:complaint-desk:problem:validation`).")
                .addProperty("type", new StringSchema().example("urn:complaint-desk:problem:validation")
                        .description("`about:blank`, or `urn:complaint-desk:problem:validation` with `errors`"))
                .addProperty("title", new StringSchema().example("Yêu cầu không hợp lệ"))
                .addProperty("status", new IntegerSchema().format("int32").example(400))
                .addProperty("detail", new StringSchema().example("Một số trường không hợp lệ."))
                .addProperty("instance", new StringSchema().example("/api/complaints"))
                .addProperty("errors", new ArraySchema().items(ref("FieldProblem")))
                .required(List.of("status")));
        return schemas;
    }

    static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put(BAD_REQUEST, problem("The request is invalid: `errors` names each invalid field, parameter or "
                + "header (wrong type or enum value, missing, too long, control characters, dates out of range, "
                + "fields the call does not take); a body that is not JSON has no `errors`."));
        responses.put(UNAUTHORIZED, problem("No valid credentials: a staff call without login (empty body), or wrong "
                + "HTTP Basic credentials on any call (a problem document)."));
        responses.put(FORBIDDEN, problem("The caller's groups may not do this, or a session write without the "
                + "CSRF token."));
        responses.put(NOT_FOUND, problem("Unknown complaint, task, letter or event name."));
        responses.put(NOT_ACCEPTABLE, problem("The `Accept` header excludes every type the call answers with."));
        responses.put(CONFLICT, problem("The state does not allow it now (see the operation)."));
        responses.put(PAYLOAD_TOO_LARGE, problem("The body is larger than the call accepts."));
        responses.put(UNSUPPORTED_MEDIA_TYPE, problem("The body's `Content-Type` is not one the call takes."));
        responses.put(TOO_MANY_REQUESTS, problem("Too many public calls from this address "
                + "(`complaints.public-rate-limit.per-minute`), or too many failed logins from this address or for "
                + "this user name; try again after `Retry-After` seconds.")
                .addHeaderObject("Retry-After", new Header().description("seconds to wait")
                        .schema(new IntegerSchema().format("int32").example(42))));
        return responses;
    }

    static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem"))));
    }

    static ApiResponse answer(String responseName) {
        return new ApiResponse().$ref("#/components/responses/" + responseName);
    }

    static Schema<?> ref(String schemaName) {
        return new Schema<>().$ref("#/components/schemas/" + schemaName);
    }
}
