package dev.aitrainingdirectory.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's package) as a reverse proxy in front of a local port, started by the test
 * itself with a configuration of its own in a temporary directory, and stopped by {@link #close()}. It
 * forwards as ingress-nginx does by default after terminating TLS: {@code X-Forwarded-For} is the address
 * nginx sees, whatever the client sent, {@code X-Forwarded-Proto} is {@code https} (the clients' scheme at
 * an ingress; nginx itself listens on plain HTTP here) and {@code Host} is the one the client asked for.
 * A second port forwards as most CDNs and ingress-nginx with {@code use-forwarded-headers} do: it appends
 * the address it sees to whatever {@code X-Forwarded-For} the client sent.
 */
public final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int appendingPort;
    private final Path directory;

    private Nginx(Process process, int port, int appendingPort, Path directory) {
        this.process = process;
        this.port = port;
        this.appendingPort = appendingPort;
        this.directory = directory;
    }

    /** Starts nginx on a free port of 127.0.0.1, proxying to {@code upstreamPort} on 127.0.0.1, and waits until it listens. */
    public static Nginx inFrontOf(int upstreamPort, Path directory) throws IOException, InterruptedException {
        String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        int port = freePort();
        int appendingPort = freePort();
        String prefix = directory.toAbsolutePath().toString();
        // As root, nginx would run its workers as nobody, who cannot write the temporary directory.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Files.writeString(directory.resolve("nginx.conf"), user + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://127.0.0.1:%3$d;
                      proxy_http_version 1.1;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $remote_addr;
                      proxy_set_header X-Forwarded-Proto https;
                    }
                  }
                  server {
                    listen 127.0.0.1:%4$d;
                    location / {
                      proxy_pass http://127.0.0.1:%3$d;
                      proxy_http_version 1.1;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto https;
                    }
                  }
                }
                """.formatted(prefix, port, upstreamPort, appendingPort));
        Process process;
        try {
            process = new ProcessBuilder(binary, "-p", prefix, "-c", prefix + "/nginx.conf")
                    .redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile()).start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException("nginx is needed for this test: apt-get install -y nginx", notInstalled);
        }
        Nginx nginx = new Nginx(process, port, appendingPort, directory);
        nginx.awaitListening(Duration.ofSeconds(30));
        return nginx;
    }

    /** The port that replaces any {@code X-Forwarded-For} with the address nginx sees. */
    public int port() {
        return port;
    }

    /** The port that appends the address nginx sees to the {@code X-Forwarded-For} the client sent. */
    public int appendingPort() {
        return appendingPort;
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n" + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen within " + timeout + ":\n" + output());
    }

    private String output() throws IOException {
        Path errors = directory.resolve("error.log");
        return Files.readString(directory.resolve("nginx.out")) + (Files.exists(errors) ? Files.readString(errors) : "");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
