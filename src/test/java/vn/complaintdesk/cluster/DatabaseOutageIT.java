package vn.complaintdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

import vn.complaintdesk.support.Complaints;
import vn.complaintdesk.support.DeskIntegrationTest;
import vn.complaintdesk.support.StaffSession;

/**
 * A node on a PostgreSQL of its own, which the test stops and starts again on the same data: while
 * it is away every caller gets a quick 503 with Retry-After and the node says it is not ready; when
 * it is back the node serves again without a restart.
 */
@DeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

    @Autowired Environment environment;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dataDirectory;
    private int databasePort;
    private EmbeddedPostgres database;
    private ExtraNode node;

    @BeforeAll
    void startANodeOnItsOwnDatabase() throws IOException {
        dataDirectory = Files.createTempDirectory("outage-pg");
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        database = startDatabase();
        node = ExtraNode.start(environment, "outageNode",
                "spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"));
    }

    @AfterAll
    void stopThem() throws IOException {
        node.close();
        database.close();
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    @Test
    void whileTheDatabaseIsAwayCallersAreToldToComeBackAndTheNodeRecoversByItself() throws Exception {
        StaffSession agent = StaffSession.login(node.port(), "agent", "demo");
        assertThat(send(intake()).statusCode()).isEqualTo(201);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        database.close();

        long started = System.nanoTime();
        HttpResponse<String> refused = send(intake());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.body()).contains("\"status\":503");

        HttpResponse<String> page = get("/track/KN-NONE?token=x");
        assertThat(page.statusCode()).as("the portal's page").isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"unavailable\"");
        assertThat(agent.get("/api/tasks").statusCode()).as("a staff session read from the database").isEqualTo(503);

        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        database = startDatabase();
        int status = 0;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < deadline
                && status != 201; ) {
            status = send(intake()).statusCode();
            if (status != 201) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("intake after the database came back").isEqualTo(201);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(agent.get("/api/tasks").statusCode()).as("the session survived the outage").isEqualTo(200);
    }

    private EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(databasePort).setRegisterShutdownHook(false).start();
    }

    private HttpRequest intake() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + "/api/complaints"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        Complaints.json("DELIVERY", LocalDate.now().minusDays(1).toString())))
                .build();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
