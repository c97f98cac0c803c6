package dev.aitrainingdirectory.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) run as its own process
 * in a working directory of the test's choosing, on a free port, as an operator would run it. It uses
 * the database the jar was built for: embedded H2 under {@code ./data} of the working directory, or
 * with {@code -Ppostgresql} the test database the build passes in the {@code QUARKUS_DATASOURCE_*}
 * environment variables, which the process inherits.
 */
public final class PackagedService implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the service on an empty database, as on its first deployment: a new working directory
     * holds no H2 database yet, and the PostgreSQL test database is emptied (Flyway clean) first.
     */
    public static PackagedService startOnEmptyDatabase(Path workingDirectory, String... properties)
            throws IOException, InterruptedException {
        if (!PostgresqlBuild.active()) {
            return start(workingDirectory, properties);
        }
        List<String> withClean = new ArrayList<>(List.of(properties));
        withClean.add("quarkus.flyway.clean-at-start=true");
        return start(workingDirectory, withClean.toArray(String[]::new));
    }

    /** Starts the service in {@code workingDirectory} with these system properties and waits until it is ready. */
    public static PackagedService start(Path workingDirectory, String... properties) throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Package the service first (./mvnw package): " + JAR + " is missing");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        Path log = Files.createTempFile("directory-service", ".log");
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedService service = new PackagedService(process, port, log);
        service.awaitReady(Duration.ofSeconds(60));
        return service;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** GET {@code path} and return the body, failing on anything but 200. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Kills the process with SIGKILL, as a crash or an OOM killer would, and waits for it to die. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Sends SIGTERM, as an orchestrator does to start a graceful shutdown, without waiting. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The service did not stop within " + timeout);
        }
        return process.exitValue();
    }

    /** The raw answer to GET {@code path}: status and body, whatever the status. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    /** Stops the service as an orchestrator would, with SIGTERM, and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                get("/q/health/ready");
                return;
            } catch (IOException | IllegalStateException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("The service was not ready within " + timeout + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
