package dev.aitrainingdirectory.support;

import java.io.IOException;
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
    /**
     * JVM options for every service the tests start, from {@code -Dtest.service.jvm-options="..."} (words
     * separated by spaces). {@code .ci/run} runs the integration tests a second time with
     * {@code -XX:AOTCache=target/quarkus-app/app.aot -XX:AOTMode=on}: the JVM then refuses to start
     * unless it maps the cache, so every test proves the service answers correctly with it.
     */
    private static final List<String> JVM_OPTIONS = List.of(System.getProperty("test.service.jvm-options", "").trim().split("\\s+"))
            .stream().filter(option -> !option.isEmpty()).toList();

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
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.addAll(JVM_OPTIONS);
        return launch(java, List.of("-jar", JAR.toString()), workingDirectory, properties);
    }

    /**
     * Starts the packaged service in {@code appDirectory} (a copy of {@code target/quarkus-app}) as the
     * production image does, through {@code ops/aot/start.sh}, which uses the AOT cache only when it was
     * trained on that build.
     */
    public static PackagedService startWithLauncher(Path appDirectory, Path workingDirectory, String... properties)
            throws IOException, InterruptedException {
        Path launcher = Path.of("ops", "aot", "start.sh").toAbsolutePath();
        // Not JVM_OPTIONS: the launcher alone decides whether the JVM gets a cache.
        List<String> command = List.of("sh", launcher.toString(), appDirectory.toAbsolutePath().toString());
        return launch(command, List.of(), workingDirectory, properties);
    }

    private static PackagedService launch(List<String> prefix, List<String> suffix, Path workingDirectory, String... properties)
            throws IOException, InterruptedException {
        int port = LocalPorts.free();
        List<String> command = new ArrayList<>(prefix);
        // Scheduled jobs off, as in the test profile: the expiry job closing listings mid-test would
        // make a test's outcome depend on the wall clock. A test may turn them on with its own property.
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.scheduler.enabled=false"));
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(suffix);
        Path log = Files.createTempFile("directory-service", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The launcher runs `java` from JAVA_HOME: the JDK these tests run on.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        PackagedService service = new PackagedService(builder.start(), port, log);
        service.awaitReady(Duration.ofSeconds(60));
        return service;
    }

    public int port() {
        return port;
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
}
