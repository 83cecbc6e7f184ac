package vn.complaintdesk.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.complaintdesk.support.DeskTest;
import vn.complaintdesk.support.JsonNodes;
import vn.complaintdesk.support.StaffSession;
import vn.complaintdesk.tasks.TaskFieldRules;

/**
 * The committed docs/openapi.json is the document the desk serves: a change of the API without a
 * regenerated document fails here. Regenerate with
 * {@code ./mvnw -q test -Dtest=OpenApiDocumentTest -Dopenapi.write=true}.
 */
@DeskTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("docs", "openapi.json");
    private static final String REGENERATE = "./mvnw -q test -Dtest=OpenApiDocumentTest -Dopenapi.write=true";

    @Autowired TestRestTemplate http;
    @Autowired List<TaskFieldRules> taskRules;
    @LocalServerPort int port;

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper sorted = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theCommittedDocumentIsTheOneTheDeskServes() throws IOException {
        String served = canonical(served());
        Files.writeString(Path.of("target", "openapi-served.json"), served, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("%s is missing; generate it with: %s", COMMITTED, REGENERATE).isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("%s differs from what the desk serves at /v3/api-docs/desk (target/openapi-served.json); "
                        + "regenerate it with: %s", COMMITTED, REGENERATE)
                .isEqualTo(served);
    }

    /**
     * Keys sorted at every level, so that the file diffs line by line whatever order the serializer
     * chose (swagger's shared mapper orders schema fields differently once a parser has used it).
     */
    private String canonical(String document) throws IOException {
        Object tree = json.readValue(document, Object.class);
        return sorted.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    }

    @Test
    void theDocumentDescribesEveryApiCallAndNothingElse() throws IOException {
        JsonNode paths = json.readTree(served()).path("paths");
        assertThat(JsonNodes.fieldNames(paths)).allMatch(path -> path.startsWith("/api/"))
                .contains("/api/complaints", "/api/complaints/{reference}", "/api/complaints/{reference}/events/{message}",
                        "/api/complaints/{reference}/letters/{id}", "/api/complaints/{reference}/merge-into/{target}",
                        "/api/track/{reference}", "/api/track/{reference}/info", "/api/track/{reference}/answer",
                        "/api/track/{reference}/survey", "/api/track/{reference}/letters/{id}", "/api/tasks",
                        "/api/tasks/{id}/claim", "/api/tasks/{id}/unclaim", "/api/tasks/{id}/complete",
                        "/api/channels/{channel}/messages");
    }

    /** The completion schemas are written by hand: they must name exactly the fields the task rules take. */
    @Test
    void everyTaskCompletionSchemaNamesExactlyTheFieldsItsTaskTakes() throws IOException {
        JsonNode schemas = json.readTree(served()).path("components").path("schemas");
        Set<String> documentedTasks = new TreeSet<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (name.endsWith("Fields")) {
                documentedTasks.add(name.substring(0, name.length() - "Fields".length()));
            }
        });
        assertThat(documentedTasks).containsExactlyInAnyOrderElementsOf(
                taskRules.stream().map(TaskFieldRules::taskKey).toList());
        for (TaskFieldRules rules : taskRules) {
            JsonNode schema = schemas.path(rules.taskKey() + "Fields");
            assertThat(JsonNodes.fieldNames(schema.path("properties"))).as(rules.taskKey())
                    .containsExactlyInAnyOrderElementsOf(rules.fieldNames());
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(rules.taskKey()).isFalse();
        }
    }

    @Test
    void thePublicPartIsReadableWithoutLoginAndHoldsOnlyThePublicCalls() throws IOException {
        ResponseEntity<String> anonymous = http.getForEntity("/v3/api-docs/public", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JsonNodes.fieldNames(json.readTree(anonymous.getBody()).path("paths")))
                .isNotEmpty()
                .allMatch(path -> path.equals("/api/complaints") || path.startsWith("/api/track/")
                        || path.startsWith("/api/channels/"));
    }

    @Test
    void theWholeDocumentAndSwaggerUiAreForLoggedInStaff() {
        StaffSession stranger = StaffSession.anonymous(port);
        assertThat(stranger.get("/v3/api-docs/desk").statusCode()).isIn(302, 401);
        assertThat(stranger.get("/v3/api-docs").statusCode()).isIn(302, 401);
        // A bookmarked UI leads a stranger to the login, or to the public 404 for an address no page answers.
        assertThat(stranger.get("/swagger-ui.html").statusCode()).isIn(302, 404);
        assertThat(stranger.get("/swagger-ui/index.html").statusCode()).isIn(302, 404);

        StaffSession auditor = StaffSession.login(port, "auditor", "demo");
        assertThat(auditor.get("/v3/api-docs/desk").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/v3/api-docs/swagger-config").body()).contains("/v3/api-docs/desk",
                "/v3/api-docs/public");
    }

    private String served() {
        ResponseEntity<String> answer = http.withBasicAuth("auditor", "demo").getForEntity("/v3/api-docs/desk",
                String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        String body = answer.getBody();
        return body.endsWith("\n") ? body : body + "\n";
    }
}
