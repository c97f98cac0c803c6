package dev.aitrainingdirectory.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.security.ApiKeys;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.ChangesReplica;
import dev.aitrainingdirectory.support.PackagedService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service killed with SIGKILL in the middle of a stream of imports and updates keeps,
 * after a restart, every write it acknowledged; no import is half applied; and the changes feed
 * still replays to exactly the current listings.
 */
class CrashRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "crash-recovery-test-key";
    private static final int BATCH = 40;

    @TempDir
    Path workingDirectory;

    @Test
    void everyAcknowledgedWriteSurvivesASigkillAndNoImportIsHalfApplied() throws Exception {
        String[] properties = {"directory.security.curator-key-hashes=" + ApiKeys.hexDigest(KEY),
                "directory.rate-limit.enabled=false"};
        List<Integer> acknowledgedBatches = new CopyOnWriteArrayList<>();
        List<Integer> attemptedBatches = new CopyOnWriteArrayList<>();
        Map<Long, String> acknowledgedTitles = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);

        PackagedService service = PackagedService.startOnEmptyDatabase(workingDirectory, properties);
        Thread writer = new Thread(() -> {
            try {
                for (int batch = 0; running.get(); batch++) {
                    attemptedBatches.add(batch);
                    HttpResponse<String> imported = service.send(post(service, "/api/listings/import", importOf(batch)));
                    if (imported.statusCode() == 200) {
                        acknowledgedBatches.add(batch);
                    }
                    patchOneListing(service, batch, acknowledgedTitles);
                }
            } catch (Exception killed) {
                // The service died under us: what it acknowledged before is what must survive.
            }
        });
        writer.start();
        Thread.sleep(4000);
        service.kill();
        running.set(false);
        writer.join(30_000);
        assertThat(acknowledgedBatches).as("imports acknowledged before the kill").isNotEmpty();

        try (PackagedService restarted = PackagedService.start(workingDirectory, properties)) {
            for (int batch : attemptedBatches) {
                long found = total(restarted, "/api/listings?status=OPEN,PAUSED,CLOSED&size=1&q=" + marker(batch));
                if (acknowledgedBatches.contains(batch)) {
                    assertThat(found).as("acknowledged import %d", batch).isEqualTo(BATCH);
                } else {
                    assertThat(found).as("import %d, in flight at the kill: all or nothing", batch).isIn(0L, (long) BATCH);
                }
            }
            for (Map.Entry<Long, String> patched : acknowledgedTitles.entrySet()) {
                assertThat(JSON.readTree(restarted.get("/api/listings/" + patched.getKey())).get("title").asText())
                        .as("acknowledged patch of listing %d", patched.getKey()).isEqualTo(patched.getValue());
            }
            assertThat(ChangesReplica.follow(restarted).listings()).isEqualTo(everyListing(restarted));
        }
    }

    private static void patchOneListing(PackagedService service, int batch, Map<Long, String> acknowledged) throws Exception {
        JsonNode page = JSON.readTree(service.get("/api/listings?size=1&q=" + marker(batch)));
        if (page.get("items").isEmpty()) {
            return;
        }
        long id = page.get("items").get(0).get("id").asLong();
        HttpResponse<String> current = service.send(HttpRequest.newBuilder(service.uri("/api/listings/" + id)));
        String title = "Edited after batch " + batch;
        HttpResponse<String> patched = service.send(HttpRequest.newBuilder(service.uri("/api/listings/" + id))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        Bodies.object().with("title", title + " " + marker(batch)).json())));
        if (patched.statusCode() == 200) {
            acknowledged.put(id, title + " " + marker(batch));
        }
    }

    private static Map<Long, JsonNode> everyListing(PackagedService service) throws Exception {
        Map<Long, JsonNode> current = new HashMap<>();
        long pages = 1;
        for (int page = 0; page < pages; page++) {
            JsonNode body = JSON.readTree(service.get("/api/listings?status=OPEN,PAUSED,CLOSED&size=100&page=" + page));
            pages = body.get("totalPages").asLong();
            body.get("items").forEach(item -> current.put(item.get("id").asLong(), item));
        }
        return current;
    }

    private static long total(PackagedService service, String path) throws Exception {
        return JSON.readTree(service.get(path)).get("totalItems").asLong();
    }

    private static String marker(int batch) {
        return "crashbatch" + batch + "x";
    }

    private static HttpRequest.Builder post(PackagedService service, String path, String body) {
        return HttpRequest.newBuilder(service.uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** An import of a batch of listings on the example data's Outlier, each titled with the batch's marker. */
    private static String importOf(int batch) {
        List<Body> listings = new ArrayList<>();
        for (int index = 0; index < BATCH; index++) {
            listings.add(Bodies.listing("outlier", "crash-" + batch + "-" + index)
                    .with("title", "Batch " + marker(batch) + " row " + index).with("applyUrl", "https://outlier.ai"));
        }
        return Bodies.listingImport(listings).json();
    }
}
