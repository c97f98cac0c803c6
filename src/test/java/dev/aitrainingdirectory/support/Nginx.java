package dev.aitrainingdirectory.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    public static Nginx inFrontOf(int upstreamPort, Path directory) throws Exception {
        String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        int port = LocalPorts.free();
        int appendingPort = LocalPorts.free();
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
                %2$s%3$s}
                """.formatted(prefix, server(port, upstreamPort, "$remote_addr"),
                        server(appendingPort, upstreamPort, "$proxy_add_x_forwarded_for")));
        Process process;
        try {
            process = new ProcessBuilder(binary, "-p", prefix, "-c", prefix + "/nginx.conf")
                    .redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile()).start();
        } catch (IOException notInstalled) {
            throw new IllegalStateException("nginx is needed for this test: apt-get install -y nginx", notInstalled);
        }
        Nginx nginx = new Nginx(process, port, appendingPort, directory);
        try {
            LocalPorts.awaitListening(port, process, "nginx", Duration.ofSeconds(30), nginx::output);
        } catch (Exception notListening) {
            nginx.close();
            throw notListening;
        }
        return nginx;
    }

    /** One server block: listens on {@code port}, forwards to {@code upstreamPort} with this X-Forwarded-For. */
    private static String server(int port, int upstreamPort, String forwardedFor) {
        return """
                  server {
                    listen 127.0.0.1:%d;
                    location / {
                      proxy_pass http://127.0.0.1:%d;
                      proxy_http_version 1.1;
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For %s;
                      proxy_set_header X-Forwarded-Proto https;
                    }
                  }
                """.formatted(port, upstreamPort, forwardedFor);
    }

    /** The port that replaces any {@code X-Forwarded-For} with the address nginx sees. */
    public int port() {
        return port;
    }

    /** The port that appends the address nginx sees to the {@code X-Forwarded-For} the client sent. */
    public int appendingPort() {
        return appendingPort;
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
}
