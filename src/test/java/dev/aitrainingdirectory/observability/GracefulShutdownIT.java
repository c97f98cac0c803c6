package dev.aitrainingdirectory.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.security.ApiKeys;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.Bodies.Body;
import dev.aitrainingdirectory.support.PackagedService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On SIGTERM the packaged service reports not ready first, keeps serving, and finishes what it accepted. */
class GracefulShutdownIT {

    private static final String KEY = "graceful-shutdown-test-key";

    @TempDir
    Path workingDirectory;

    @Test
    void readinessGoesDownFirstAndAnImportInFlightCompletes() throws Exception {
        PackagedService service = PackagedService.startOnEmptyDatabase(workingDirectory,
                "directory.security.curator-key-hashes=" + ApiKeys.hexDigest(KEY), "quarkus.shutdown.delay=6s");
        try {
            CompletableFuture<HttpResponse<String>> importing = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.send(HttpRequest.newBuilder(service.uri("/api/listings/import"))
                            .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(importOf(1000))));
                } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                }
            });
            Thread.sleep(150);
            service.terminate();

            // The JVM runs the shutdown hook a moment after the signal: poll readiness through the 6 s drain.
            int readiness = 0;
            for (int attempt = 0; attempt < 40 && readiness != 503; attempt++) {
                readiness = service.send(HttpRequest.newBuilder(service.uri("/q/health/ready"))).statusCode();
                Thread.sleep(readiness == 503 ? 0 : 100);
            }
            HttpResponse<String> read = service.send(HttpRequest.newBuilder(service.uri("/api/pay-tiers")));
            assertThat(readiness).as("readiness while draining").isEqualTo(503);
            assertThat(read.statusCode()).as("reads still served while draining").isEqualTo(200);
            assertThat(importing.get().statusCode()).as("the import in flight: %s", importing.get().body()).isEqualTo(200);
            service.awaitExit(Duration.ofSeconds(40));
        } finally {
            service.close();
        }

        try (PackagedService restarted = PackagedService.start(workingDirectory)) {
            assertThat(restarted.get("/api/listings?platform=outlier&q=graceful&status=OPEN,PAUSED,CLOSED&size=1"))
                    .contains("\"totalItems\":1000");
        }
    }

    /** An import of {@code rows} listings on the example data's Outlier. */
    private static String importOf(int rows) {
        List<Body> listings = new ArrayList<>();
        for (int index = 0; index < rows; index++) {
            listings.add(Bodies.listing("outlier", "graceful-" + index).with("title", "Graceful " + index)
                    .with("applyUrl", "https://outlier.ai"));
        }
        return Bodies.listingImport(listings).json();
    }
}
