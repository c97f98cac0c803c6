package dev.aitrainingdirectory.exampledata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.security.ApiKeys;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.PackagedService;
import dev.aitrainingdirectory.support.PostgresqlBuild;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service keeps its data across restarts and loads the example data only once: in the
 * embedded database under ./data by default, in PostgreSQL when built with -Ppostgresql.
 */
class ServiceRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVERY_LISTING = "/api/listings?status=OPEN,PAUSED,CLOSED&size=100";

    @TempDir
    Path workingDirectory;

    @Test
    void aRestartKeepsTheDataAndDoesNotLoadTheExamplesAgain() throws Exception {
        JsonNode before;
        String platformsBefore;
        try (PackagedService service = PackagedService.startOnEmptyDatabase(workingDirectory)) {
            before = JSON.readTree(service.get(EVERY_LISTING));
            platformsBefore = service.get("/api/platforms?size=100");
            assertThat(service.log()).contains("Loaded the example data");
            // Flyway names the database it migrates: proof that the jar uses the database it was built for.
            assertThat(service.log()).contains(PostgresqlBuild.active() ? "Database: jdbc:postgresql:" : "Database: jdbc:h2:file:");
        }
        assertThat(before.get("totalItems").asLong()).isGreaterThanOrEqualTo(24);
        if (PostgresqlBuild.active()) {
            assertThat(workingDirectory.resolve("data")).doesNotExist();
        } else {
            assertThat(workingDirectory.resolve("data")).isDirectory();
            assertThat(Files.list(workingDirectory.resolve("data")).map(Path::toString)).anyMatch(name -> name.endsWith(".mv.db"));
        }

        try (PackagedService service = PackagedService.start(workingDirectory)) {
            JsonNode after = JSON.readTree(service.get(EVERY_LISTING));
            assertThat(after.get("totalItems")).isEqualTo(before.get("totalItems"));
            assertThat(after.get("items").findValues("id")).isEqualTo(before.get("items").findValues("id"));
            assertThat(JSON.readTree(service.get("/api/platforms?size=100")).get("totalItems"))
                    .isEqualTo(JSON.readTree(platformsBefore).get("totalItems"));
            assertThat(service.log()).doesNotContain("Loaded the example data");
        }
    }

    @Test
    void exampleDataCanBeTurnedOffAndIsNotLoadedLaterIntoADirectoryFilledMeanwhile() throws Exception {
        String key = "restart-curator-key";
        String keys = "directory.security.curator-key-hashes=" + ApiKeys.hexDigest(key);
        try (PackagedService service = PackagedService.startOnEmptyDatabase(workingDirectory, "directory.example-data=false", keys)) {
            assertThat(JSON.readTree(service.get(EVERY_LISTING)).get("totalItems").asLong()).isZero();
            assertThat(JSON.readTree(service.get("/api/pay-tiers")).get("items")).isEmpty();
            assertThat(JSON.readTree(service.get("/api/eligibility/countries")).get("items")).hasSize(249);
            HttpResponse<String> created = service.send(HttpRequest.newBuilder(service.uri("/api/pay-tiers"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Bodies.payTier("coding").json())));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        try (PackagedService service = PackagedService.start(workingDirectory, keys)) {
            assertThat(JSON.readTree(service.get("/api/pay-tiers")).get("items")).hasSize(1);
            assertThat(JSON.readTree(service.get(EVERY_LISTING)).get("totalItems").asLong()).isZero();
            assertThat(service.log()).contains("the example data is not loaded");
        }
    }
}
