package dev.aitrainingdirectory.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.support.PackagedService;
import dev.aitrainingdirectory.support.PostgresqlBuild;
import dev.aitrainingdirectory.support.TcpProxy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database going away and coming back: readiness goes down, requests get 503 problem details
 * quickly (not a hang), and service resumes on its own. PostgreSQL only: an embedded H2 cannot go away.
 */
class DatabaseOutageIT {

    @TempDir
    Path workingDirectory;

    @Test
    void readinessGoesDownRequestsGet503AndServiceResumesOnItsOwn() throws Exception {
        PostgresqlBuild.require();
        try (TcpProxy database = new TcpProxy(PostgresqlBuild.host(), PostgresqlBuild.port());
                PackagedService service = PackagedService.start(workingDirectory, PostgresqlBuild.datasource(database.port()))) {
            assertThat(status(service, "/api/listings")).isEqualTo(200);

            database.down();
            awaitStatus(service, "/q/health/ready", 503, Duration.ofSeconds(30));
            Instant asked = Instant.now();
            HttpResponse<String> during = service.send(HttpRequest.newBuilder(service.uri("/api/listings?q=outage")));
            assertThat(Duration.between(asked, Instant.now())).as("answered without hanging").isLessThan(Duration.ofSeconds(15));
            assertThat(during.statusCode()).isEqualTo(503);
            assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
            assertThat(during.headers().firstValue("Retry-After")).isPresent();

            database.up();
            awaitStatus(service, "/q/health/ready", 200, Duration.ofSeconds(60));
            awaitStatus(service, "/api/listings", 200, Duration.ofSeconds(30));
        }
    }

    private static int status(PackagedService service, String path) throws Exception {
        return service.send(HttpRequest.newBuilder(service.uri(path))).statusCode();
    }

    private static void awaitStatus(PackagedService service, String path, int expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = status(service, path);
            if (last == expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(path + " answered " + last + ", not " + expected + ", for " + timeout);
    }
}
