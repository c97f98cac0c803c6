package dev.aitrainingdirectory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.support.PackagedService;
import dev.aitrainingdirectory.support.PostgresqlBuild;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index on disk, as a deployment keeps it on a volume: a restart resumes from the index's
 * last commit instead of building it again; an index that cannot be read, or that was made from
 * another database, is rebuilt from the database; and a second process is refused the directory.
 */
class SearchIndexOnDiskIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVERY_LISTING = "/api/listings?status=OPEN,PAUSED,CLOSED&size=100&sort=title";

    @TempDir
    Path workingDirectory;
    @TempDir
    Path otherWorkingDirectory;
    @TempDir
    Path freshWorkingDirectory;
    @TempDir
    Path indexes;

    @Test
    void aRestartResumesAnUnreadableIndexIsRebuiltAndASecondProcessIsRefused() throws Exception {
        // Each instance here has its own embedded database; with PostgreSQL they would share one.
        Assumptions.assumeFalse(PostgresqlBuild.active(), "runs on the embedded database");
        Path index = indexes.resolve("search-index");
        String onDisk = "directory.search-index.path=" + index;
        JsonNode everything;
        try (PackagedService service = PackagedService.startOnEmptyDatabase(workingDirectory, onDisk)) {
            everything = JSON.readTree(service.get(EVERY_LISTING));
            assertThat(service.log()).contains("Search index built");
            assertThat(everything.get("totalItems").asLong()).isGreaterThanOrEqualTo(24);

            assertThatThrownBy(() -> PackagedService.start(otherWorkingDirectory, onDisk).close())
                    .hasMessageContaining("is in use by another process");
            assertThat(JSON.readTree(service.get(EVERY_LISTING))).as("the refused process changed nothing").isEqualTo(everything);
        }

        try (PackagedService service = PackagedService.start(workingDirectory, onDisk)) {
            assertThat(service.log()).contains("Search index opened at change").doesNotContain("Search index built");
            assertThat(JSON.readTree(service.get(EVERY_LISTING))).isEqualTo(everything);
        }

        // Damaged segments under a readable commit, then nothing readable at all: rebuilt either way.
        for (Predicate<String> damaged : List.<Predicate<String>>of(
                name -> !name.startsWith("segments") && !name.endsWith(".si") && !name.equals("write.lock"),
                name -> !name.equals("write.lock"))) {
            try (Stream<Path> files = Files.list(index)) {
                for (Path file : files.filter(file -> damaged.test(file.getFileName().toString())).toList()) {
                    Files.writeString(file, "not an index", StandardCharsets.UTF_8);
                }
            }
            try (PackagedService service = PackagedService.start(workingDirectory, onDisk)) {
                assertThat(service.log()).contains("cannot be read").contains("Search index built");
                assertThat(JSON.readTree(service.get(EVERY_LISTING))).isEqualTo(everything);
            }
        }

        try (PackagedService service = PackagedService.startOnEmptyDatabase(freshWorkingDirectory, onDisk,
                "directory.example-data=false")) {
            assertThat(service.log()).contains("for another database; it is rebuilt");
            assertThat(JSON.readTree(service.get(EVERY_LISTING)).get("items")).isEqualTo(JSON.readTree("[]"));
        }
    }
}
