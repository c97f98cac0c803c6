package dev.aitrainingdirectory.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.security.ApiKeys;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.PackagedService;
import dev.aitrainingdirectory.support.PostgresqlBuild;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service on different ports sharing one PostgreSQL: a write through
 * one is read, and found by the very next search, through the other, and two conflicting updates
 * through the two end with one 412.
 */
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "two-instances-test-key";

    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void aWriteThroughOneIsReadThroughTheOtherAndConflictingUpdatesEndWithOne412() throws Exception {
        PostgresqlBuild.require();
        String[] properties = properties();
        try (PackagedService one = PackagedService.start(first, properties);
                PackagedService two = PackagedService.start(second, properties)) {
            String externalId = "two-instances-" + System.nanoTime();
            HttpResponse<String> created = one.send(HttpRequest.newBuilder(one.uri("/api/listings"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(listing(externalId, "Written through one").json())));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = JSON.readTree(created.body()).get("id").asLong();

            HttpResponse<String> readThroughTwo = two.send(HttpRequest.newBuilder(two.uri("/api/listings/" + id)));
            assertThat(readThroughTwo.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(readThroughTwo.body()).get("title").asText()).isEqualTo("Written through one");
            String tag = readThroughTwo.headers().firstValue("ETag").orElseThrow();

            CompletableFuture<Integer> viaOne = CompletableFuture.supplyAsync(() -> patch(one, id, tag, "Edited through one"));
            CompletableFuture<Integer> viaTwo = CompletableFuture.supplyAsync(() -> patch(two, id, tag, "Edited through two"));
            assertThat(List.of(viaOne.get(), viaTwo.get())).containsExactlyInAnyOrder(200, 412);

            JsonNode afterOne = JSON.readTree(one.get("/api/listings/" + id));
            JsonNode afterTwo = JSON.readTree(two.get("/api/listings/" + id));
            assertThat(afterOne).isEqualTo(afterTwo);
            assertThat(afterOne.get("version").asLong()).isEqualTo(1);
            assertThat(afterOne.get("title").asText()).isEqualTo(viaOne.get() == 200 ? "Edited through one" : "Edited through two");

            // Each search through one instance holds the write just made through the other: no time to live, no retry.
            for (int round = 0; round < 40; round++) {
                PackagedService writer = round % 2 == 0 ? one : two;
                PackagedService reader = round % 2 == 0 ? two : one;
                String word = "visible" + round + "x" + System.nanoTime();
                HttpResponse<String> written = writer.send(HttpRequest.newBuilder(writer.uri("/api/listings"))
                        .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(listing(word, "Found through the other " + word).json())));
                assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
                JsonNode found = JSON.readTree(reader.get("/api/listings?q=" + word));
                assertThat(found.get("totalItems").asLong()).as("round %d", round).isEqualTo(1);
                assertThat(found.get("items").get(0).get("title").asText()).isEqualTo("Found through the other " + word);
            }

            // A whole import through one is in the next search through the other.
            String batch = "batch" + System.nanoTime();
            List<Body> listings = new ArrayList<>();
            for (int row = 0; row < 1000; row++) {
                listings.add(listing(batch + "-" + row, "Imported " + batch));
            }
            HttpResponse<String> imported = one.send(HttpRequest.newBuilder(one.uri("/api/listings/import"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Bodies.listingImport(listings).json())));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            assertThat(JSON.readTree(two.get("/api/listings?q=" + batch)).get("totalItems").asLong()).isEqualTo(1000);
        }
    }

    /** A listing on the example data's Outlier, applying on its domain. */
    private static Body listing(String externalId, String title) {
        return Bodies.listing("outlier", externalId).with("title", title).with("applyUrl", "https://outlier.ai");
    }

    private static String[] properties() {
        String[] datasource = PostgresqlBuild.datasource(PostgresqlBuild.port());
        String[] all = new String[datasource.length + 2];
        System.arraycopy(datasource, 0, all, 0, datasource.length);
        all[datasource.length] = "directory.security.curator-key-hashes=" + ApiKeys.hexDigest(KEY);
        all[datasource.length + 1] = "directory.rate-limit.enabled=false";
        return all;
    }

    private static int patch(PackagedService service, long id, String tag, String title) {
        try {
            return service.send(HttpRequest.newBuilder(service.uri("/api/listings/" + id))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/merge-patch+json")
                    .header("If-Match", tag)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(Bodies.object().with("title", title).json()))).statusCode();
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }
}
