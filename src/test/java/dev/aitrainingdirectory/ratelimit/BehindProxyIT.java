package dev.aitrainingdirectory.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aitrainingdirectory.support.Nginx;
import dev.aitrainingdirectory.support.PackagedService;
import dev.aitrainingdirectory.support.PostgresqlBuild;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service behind a real nginx, configured as the Kubernetes ConfigMap configures it behind
 * the Ingress: only the proxy's address (127.0.0.1 here) trusted to name the client and its scheme.
 * Clients connect from their own loopback addresses (127.0.0.2, 127.0.0.3, ...), through nginx or
 * straight to the service.
 *
 * <p>Limits are asserted without depending on the clock: a client is driven to its first 429 (which it
 * must reach within twice its limit: a client that could pick its address never would), and another
 * client's first answer then shows a full bucket of its own.
 */
class BehindProxyIT {

    private static final int LIMIT = 5;

    @TempDir
    static Path workingDirectory;
    @TempDir
    static Path nginxDirectory;

    private static PackagedService service;
    private static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        PostgresqlBuild.skipHere();
        service = PackagedService.start(workingDirectory,
                "directory.http.trusted-proxies=127.0.0.1",
                "directory.rate-limit.anonymous-per-minute=" + LIMIT);
        nginx = Nginx.inFrontOf(service.port(), nginxDirectory);
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void twoClientsBehindTheProxyEachGetTheirOwnFullLimit() throws Exception {
        HttpClient first = clientFrom("127.0.0.2");
        HttpClient second = clientFrom("127.0.0.3");

        int served = untilRefused(first, proxied("/api"), attempt -> new String[0]);
        assertThat(served).as("the first client's requests before its first 429").isBetween(LIMIT, 2 * LIMIT);

        HttpResponse<String> other = first(second, proxied("/api"));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("RateLimit-Remaining")).as("a full bucket of its own").contains(String.valueOf(LIMIT - 1));
        assertThat(first(first, proxied("/api")).statusCode()).as("the first client is still over its limit").isEqualTo(429);
    }

    @Test
    void aClientsOwnForwardingHeadersThroughTheProxyDoNotChooseItsAddress() throws Exception {
        HttpClient client = clientFrom("127.0.0.4");
        int served = untilRefused(client, proxied("/api"), attempt -> new String[] {
                "X-Forwarded-For", "203.0.113." + attempt, "Forwarded", "for=198.51.100." + attempt});
        assertThat(served).isBetween(LIMIT, 2 * LIMIT);

        // Through a proxy that appends: the service sees "203.0.113.n, 127.0.0.9" and must take the right end.
        HttpClient behindAppending = clientFrom("127.0.0.9");
        int servedAppended = untilRefused(behindAppending, URI.create("http://127.0.0.1:" + nginx.appendingPort() + "/api"),
                attempt -> new String[] {"X-Forwarded-For", "203.0.113." + attempt});
        assertThat(servedAppended).as("a proxy that appends to the client's own header").isBetween(LIMIT, 2 * LIMIT);
    }

    @Test
    void aClientTalkingToTheServiceDirectlyCannotChooseItsAddress() throws Exception {
        HttpClient client = clientFrom("127.0.0.5");
        int served = untilRefused(client, direct("/api"), attempt -> new String[] {
                "X-Forwarded-For", "203.0.113." + attempt, "Forwarded", "for=198.51.100." + attempt});
        assertThat(served).as("an untrusted peer's forwarding headers are ignored").isBetween(LIMIT, 2 * LIMIT);
    }

    @Test
    void malformedHeadersFromTheTrustedProxyNeverFailARequestAndNeverWidenALimit() throws Exception {
        // Straight from 127.0.0.1, the trusted proxy's own address: as if the proxy passed these on.
        HttpClient proxy = clientFrom("127.0.0.1");
        List<String> malformed = List.of(", 198.51.100.1", "garbage", "fe80::1%eth0", "[fe80::1%25eth0]:80", "unknown", ",,,", "999.1.1.1",
                "[::1", "203.0.113.9:99999:1", "x".repeat(2000), String.join(", ", fifty("garbage-")));
        int served = untilRefused(proxy, direct("/api"), attempt -> new String[] {
                "X-Forwarded-For", malformed.get(attempt % malformed.size()) + (attempt >= malformed.size() ? ", bad-" + attempt : "")});
        assertThat(served).as("every malformed header counts against the proxy's own bucket").isBetween(LIMIT, 2 * LIMIT);

        // Fifty addresses: only the rightmost, which the proxy wrote, names the client; what lies left of it varies.
        int servedForOne = untilRefused(proxy, direct("/api"), attempt -> new String[] {
                "X-Forwarded-For", String.join(", ", Collections.nCopies(49, "192.0.2." + attempt)) + ", 198.51.100.77"});
        assertThat(servedForOne).isBetween(LIMIT, 2 * LIMIT);
    }

    @Test
    void theAccessLogAndTheLogContextCarryTheClientsAddressNotTheProxys() throws Exception {
        String requestId = "behind-proxy-" + System.nanoTime();
        HttpResponse<String> answer = clientFrom("127.0.0.6").send(request(proxied("/api/pay-tiers"))
                .header("X-Request-Id", requestId).header("X-Directory-Client-Address", "6.6.6.6").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);

        String line = logLineWith(requestId, Duration.ofSeconds(30));
        assertThat(line).as("the access log line").contains("127.0.0.6 \\\"GET /api/pay-tiers HTTP/1.1\\\" 200")
                .contains("\"clientAddress\":\"127.0.0.6\"")
                .doesNotContain("6.6.6.6").doesNotContain("127.0.0.1 \\\"GET");
    }

    @Test
    void linksCarryTheSchemeTheTrustedProxyNamesAndNoOtherPeerCanChangeIt() throws Exception {
        HttpResponse<String> proxiedPage = clientFrom("127.0.0.7").send(request(proxied("/api/listings?size=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(proxiedPage.statusCode()).isEqualTo(200);
        assertThat(proxiedPage.headers().firstValue("Link")).as("behind the TLS-terminating proxy")
                .hasValueSatisfying(link -> assertThat(link).contains("<https://127.0.0.1:" + nginx.port() + "/api/listings?"));

        HttpResponse<String> directPage = clientFrom("127.0.0.8").send(request(direct("/api/listings?size=1"))
                .header("X-Forwarded-Proto", "https").header("Forwarded", "proto=https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(directPage.statusCode()).isEqualTo(200);
        assertThat(directPage.headers().firstValue("Link")).as("straight to the service, claiming https")
                .hasValueSatisfying(link -> assertThat(link).contains("<http://127.0.0.1:" + service.port() + "/api/listings?")
                        .doesNotContain("https:"));
    }

    /** Sends requests until the first 429, at most 2 × LIMIT + 1; returns how many were answered 200. Never a 5xx. */
    private static int untilRefused(HttpClient client, URI uri, IntFunction<String[]> headers) throws Exception {
        for (int attempt = 0; attempt <= 2 * LIMIT; attempt++) {
            HttpRequest.Builder request = request(uri);
            String[] pairs = headers.apply(attempt);
            for (int i = 0; i < pairs.length; i += 2) {
                request.header(pairs[i], pairs[i + 1]);
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("attempt %s: %s", attempt, answer.body()).isIn(200, 429);
            if (answer.statusCode() == 429) {
                return attempt;
            }
        }
        return 2 * LIMIT + 1;
    }

    private static HttpResponse<String> first(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(request(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fifty(String prefix) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            addresses.add(prefix + i);
        }
        return addresses;
    }

    private static String logLineWith(String text, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (String line : service.log().split("\n")) {
                if (line.contains(text) && line.contains("GET /api/pay-tiers")) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no access log line with " + text + " within " + timeout + ":\n" + service.log());
    }

    /** A request that fails the test after 30 s without an answer, rather than waiting for one forever. */
    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    }

    private static URI proxied(String path) {
        return URI.create("http://127.0.0.1:" + nginx.port() + path);
    }

    private static URI direct(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    private static HttpClient clientFrom(String address) throws IOException {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
