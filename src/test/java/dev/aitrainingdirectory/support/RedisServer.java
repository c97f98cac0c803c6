package dev.aitrainingdirectory.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis (Debian's {@code redis-server}) of the test's own, on a free port of 127.0.0.1 and
 * without persistence, so that a test may stop, slow down ({@code DEBUG SLEEP}, allowed from loopback) and
 * restart it without touching the machine's Redis.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path directory;
    private Process process;

    private RedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** Starts redis-server on a free port and waits until it listens. */
    public static RedisServer start(Path directory) throws Exception {
        RedisServer server = new RedisServer(LocalPorts.free(), directory);
        server.restart();
        return server;
    }

    public int port() {
        return port;
    }

    /** The address the service is given: {@code redis://127.0.0.1:port}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it again on the same port, empty, after {@link #stop()}. */
    public void restart() throws Exception {
        String binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
        try {
            process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no", "--enable-debug-command", "local", "--dir", directory.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.out").toFile()))
                    .start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException("redis-server is needed for this test: apt-get install -y redis-server", notInstalled);
        }
        LocalPorts.awaitListening(port, process, "redis-server", Duration.ofSeconds(30),
                () -> Files.readString(directory.resolve("redis.out")));
    }

    /** Kills it, as a crash or a network partition would take it away. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
