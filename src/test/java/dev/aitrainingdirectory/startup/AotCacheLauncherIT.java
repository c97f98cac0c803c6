package dev.aitrainingdirectory.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.support.PackagedService;
import dev.aitrainingdirectory.support.PostgresqlBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production image starts the service through {@code ops/aot/start.sh}, with the AOT cache that
 * {@code ops/aot/train.sh} trained for that build. Whatever is wrong with the cache, the service
 * starts without it, answers correctly and says so once; a cache from another build is never used
 * (the JVM would run the classes it holds).
 */
class AotCacheLauncherIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PACKAGED = Path.of("target", "quarkus-app");

    @TempDir
    Path app;
    @TempDir
    Path workingDirectory;

    @BeforeEach
    void copyThePackagedService() throws IOException {
        try (Stream<Path> files = Files.walk(PACKAGED)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("app.aot")) {
                    continue; // a cache .ci/run trained for target/quarkus-app is not this copy's
                }
                Path target = app.resolve(PACKAGED.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void withoutACacheTheServiceStartsAndSaysSoOnce() throws Exception {
        try (PackagedService service = PackagedService.startWithLauncher(app, workingDirectory, emptyDatabase())) {
            assertAnswers(service);
            assertThat(occurrences(service.log(), "AOT cache " + app.resolve("app.aot") + " not found: starting without it"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aCacheTrainedOnAnotherBuildIsNotUsed() throws Exception {
        // A cache and fingerprint as train.sh leaves them, then one jar of the build changes.
        Files.write(app.resolve("app.aot"), new byte[4096]);
        Files.writeString(app.resolve("app.aot.build"), fingerprint(app));
        Path jar = app.resolve("quarkus-run.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        try (PackagedService service = PackagedService.startWithLauncher(app, workingDirectory, emptyDatabase())) {
            assertAnswers(service);
            String log = service.log();
            assertThat(occurrences(log, "was trained on another build or JVM: starting without it")).isEqualTo(1);
            assertThat(log).doesNotContain("[aot]");
        }
    }

    @Test
    void aCorruptCacheOfThisBuildStopsNothing() throws Exception {
        // The fingerprint matches, so the JVM gets the cache, finds it unreadable and goes on without it.
        Files.write(app.resolve("app.aot"), new byte[4096]);
        Files.writeString(app.resolve("app.aot.build"), fingerprint(app));

        try (PackagedService service = PackagedService.startWithLauncher(app, workingDirectory, emptyDatabase())) {
            assertAnswers(service);
            assertThat(service.log()).contains("[aot] An error has occurred while processing the AOT cache");
        }
    }

    /** A fresh database with the example data: H2 in the new working directory, or PostgreSQL emptied first. */
    private static String[] emptyDatabase() {
        return PostgresqlBuild.active() ? new String[] {"quarkus.flyway.clean-at-start=true"} : new String[0];
    }

    private static void assertAnswers(PackagedService service) throws Exception {
        var listings = JSON.readTree(service.get("/api/listings?size=5"));
        assertThat(listings.get("totalItems").asInt()).isPositive();
        assertThat(listings.get("items")).hasSize(5);
        assertThat(JSON.readTree(service.get("/q/health/ready")).get("status").asText()).isEqualTo("UP");
    }

    private static String fingerprint(Path app) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", Path.of("ops", "aot", "fingerprint.sh").toAbsolutePath().toString(),
                app.toString()).redirectErrorStream(true);
        // The JVM of the fingerprint is the one on PATH: the launcher puts JAVA_HOME's first, as here.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    private static long occurrences(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
