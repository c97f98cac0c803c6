package dev.aitrainingdirectory.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.security.ApiKeys;
import dev.aitrainingdirectory.support.Bodies;
import dev.aitrainingdirectory.support.PackagedService;
import dev.aitrainingdirectory.support.PostgresqlBuild;
import dev.aitrainingdirectory.support.RedisServer;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service with their buckets in one Redis (a redis-server of the test's
 * own): a client's burst split across both is refused at its configured limit, not at twice it; with
 * Redis gone the instances go on limiting with their own buckets, answer no 5xx and say so in their
 * readiness; with Redis back they share again.
 *
 * <p>Limits are asserted without the clock: a client is driven to its first 429. With one bucket for the
 * deployment that comes at the limit (a refill during the burst could add one); with a bucket per
 * instance it could come no sooner than at twice the limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ANONYMOUS = 20;
    private static final int PARTNER = 30;
    private static final String PARTNER_KEY = "shared-limits-partner-key";
    private static final String CURATOR_KEY = "shared-limits-curator-key";
    private static final long REDIS_TIMEOUT_MILLIS = 2000;

    @TempDir
    static Path redisDirectory;
    @TempDir
    static Path first;
    @TempDir
    static Path second;

    private static RedisServer redis;
    private static PackagedService one;
    private static PackagedService two;

    @BeforeAll
    static void start() throws Exception {
        PostgresqlBuild.skipHere();
        redis = RedisServer.start(redisDirectory);
        String[] properties = {
            "directory.rate-limit.store=redis",
            "quarkus.redis.hosts=" + redis.url(),
            "directory.rate-limit.anonymous-per-minute=" + ANONYMOUS,
            "directory.rate-limit.partner-per-minute=" + PARTNER,
            "directory.rate-limit.curator-per-minute=1000",
            "directory.security.partner-key-hashes=" + ApiKeys.hexDigest(PARTNER_KEY),
            "directory.security.curator-key-hashes=" + ApiKeys.hexDigest(CURATOR_KEY),
            "directory.http.trusted-proxies=127.0.0.1",
            // Longer than the default 250 ms, so that a slow first call on a busy machine does not make
            // an instance fall back in the middle of a burst; bench/shared-limits.sh measures the default.
            "directory.rate-limit.redis-timeout=" + REDIS_TIMEOUT_MILLIS + "ms",
        };
        one = PackagedService.start(first, properties);
        two = PackagedService.start(second, properties);
        for (PackagedService instance : List.of(one, two)) {
            awaitShared(instance, "203.0.113.20");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {one, two, redis}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void anAddressBurstSplitAcrossTwoInstancesIsRefusedAtTheConfiguredTotal() throws Exception {
        int served = untilRefused("203.0.113.21", null);
        System.out.printf("SharedLimitsIT: %d of a limit of %d served before the first 429, across two instances%n", served, ANONYMOUS);
        assertThat(served).as("requests served before the first 429, alternating between the instances")
                .isGreaterThanOrEqualTo(ANONYMOUS).isLessThan(2 * ANONYMOUS);
    }

    @Test
    @Order(2)
    void aPartnersQuotaHoldsForTheWholeDeploymentAndItsHeadersCountDownAcrossInstances() throws Exception {
        int served = untilRefused("203.0.113.22", PARTNER_KEY);
        System.out.printf("SharedLimitsIT: %d of a partner quota of %d served before the first 429, across two instances%n", served, PARTNER);
        assertThat(served).isGreaterThanOrEqualTo(PARTNER).isLessThan(2 * PARTNER);

        HttpResponse<String> fresh = send(two, "/api/pay-tiers", "203.0.113.23", null);
        assertThat(fresh.headers().firstValue("RateLimit-Remaining")).as("another address: a full bucket of its own")
                .contains(String.valueOf(ANONYMOUS - 1));
        for (int request = 0; request < 4; request++) {
            send(two, "/api/pay-tiers", "203.0.113.23", null);
        }
        // Five taken through the other instance: at most 14 left (a refill every 3 s could give back a few), not 19.
        long remaining = Long.parseLong(send(one, "/api/pay-tiers", "203.0.113.23", null).headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertThat(remaining).as("the same bucket through the other instance").isLessThanOrEqualTo(ANONYMOUS - 3);
    }

    @Test
    @Order(3)
    void aWriteWaitingForRedisKeepsItsBody() throws Exception {
        HttpResponse<String> created = one.send(HttpRequest.newBuilder(one.uri("/api/pay-tiers"))
                .header("Authorization", "Bearer " + CURATOR_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.payTier("shared-limits-" + System.nanoTime()).json())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("RateLimit-Limit")).contains("1000");
    }

    @Test
    @Order(4)
    void whileRedisIsTooSlowToAnswerRequestsAreLimitedLocallyAndAnsweredWithoutWaitingForIt() throws Exception {
        long sleepMillis = 5000;
        try (Socket client = new Socket("127.0.0.1", redis.port())) {
            // Redis serves nothing while it sleeps: as if it were overloaded or the network dropped its answers.
            client.getOutputStream().write(("*3\r\n$5\r\nDEBUG\r\n$5\r\nSLEEP\r\n$1\r\n" + sleepMillis / 1000 + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            long started = System.nanoTime();
            HttpResponse<String> answer = send(one, "/api/pay-tiers", "203.0.113.40", null);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("SharedLimitsIT: answered %d after %d ms while Redis slept for %d ms%n", answer.statusCode(), tookMillis,
                    sleepMillis);
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 429);
            assertThat(answer.headers().firstValue("RateLimit-Limit")).contains(String.valueOf(ANONYMOUS));
            assertThat(tookMillis).as("answered before Redis woke up").isLessThan(sleepMillis);
            assertThat(rateLimitCheck(one).get("data").get("reason").asText()).isEqualTo("no answer within " + REDIS_TIMEOUT_MILLIS + " ms");
            byte[] reply = new byte[64];
            int read = client.getInputStream().read(reply);
            assertThat(new String(reply, 0, Math.max(read, 0), StandardCharsets.US_ASCII)).as("Redis slept").startsWith("+OK");
        }
    }

    @Test
    @Order(5)
    void withRedisGoneTheInstancesLimitOnTheirOwnAnswerNo5xxAndSaySoThenShareAgainWhenItIsBack() throws Exception {
        redis.stop();
        int[] refused = new int[2];
        for (int request = 0; request < 3 * ANONYMOUS; request++) {
            PackagedService instance = request % 2 == 0 ? one : two;
            HttpResponse<String> answer = send(instance, "/api/pay-tiers", "203.0.113.30", null);
            assertThat(answer.statusCode()).as("request %d with Redis gone: %s", request, answer.body()).isIn(200, 429);
            assertThat(answer.headers().firstValue("RateLimit-Limit")).contains(String.valueOf(ANONYMOUS));
            refused[request % 2] += answer.statusCode() == 429 ? 1 : 0;
        }
        // 30 requests to each instance against a limit of 20 each: still limited, by each instance's own bucket.
        assertThat(refused[0]).as("429s from the first instance with Redis gone").isPositive();
        assertThat(refused[1]).as("429s from the second instance with Redis gone").isPositive();
        for (PackagedService instance : List.of(one, two)) {
            JsonNode check = rateLimitCheck(instance);
            assertThat(check.get("status").asText()).as("degraded, still ready").isEqualTo("UP");
            assertThat(check.get("data").get("shared").asBoolean()).isFalse();
            assertThat(check.get("data").get("reason").asText()).isNotBlank();
        }
        assertThat(one.log()).contains("the rate limits are this instance's own until it answers again");
        assertThat(one.send(HttpRequest.newBuilder(one.uri("/q/metrics"))).body()).contains("directory_rate_limit_shared 0.0");

        redis.restart();
        for (PackagedService instance : List.of(one, two)) {
            awaitShared(instance, "203.0.113.31");
        }
        assertThat(one.log()).contains("Redis answers again");
        int served = untilRefused("203.0.113.32", null);
        assertThat(served).as("shared again: one limit for both").isGreaterThanOrEqualTo(ANONYMOUS).isLessThan(2 * ANONYMOUS);
    }

    /** Alternates between the instances until the first 429, at most 3 × the limit; every answer is 200 or 429. */
    private static int untilRefused(String address, String key) throws Exception {
        for (int request = 0; request < 3 * PARTNER; request++) {
            HttpResponse<String> answer = send(request % 2 == 0 ? one : two, "/api/pay-tiers", address, key);
            assertThat(answer.statusCode()).as("request %d: %s", request, answer.body()).isIn(200, 429);
            if (answer.statusCode() == 429) {
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.headers().firstValue("RateLimit-Remaining")).contains("0");
                return request;
            }
        }
        return 3 * PARTNER;
    }

    /** A request as if from {@code address}: the instances trust 127.0.0.1, the test's own address, as their proxy. */
    private static HttpResponse<String> send(PackagedService instance, String path, String address, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.uri(path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", address);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return instance.send(request);
    }

    /** Sends requests (each may be the one that tries Redis again) until the instance says it shares its buckets. */
    private static void awaitShared(PackagedService instance, String address) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        send(instance, "/api/pay-tiers", address, null);
        while (!rateLimitCheck(instance).get("data").get("shared").asBoolean()) {
            assertThat(Instant.now()).as("on the shared buckets within 30 s").isBefore(deadline);
            Thread.sleep(200);
            send(instance, "/api/pay-tiers", address, null);
        }
    }

    private static JsonNode rateLimitCheck(PackagedService instance) throws Exception {
        JsonNode health = JSON.readTree(instance.send(HttpRequest.newBuilder(instance.uri("/q/health/ready"))).body());
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals("Rate limits")) {
                return check;
            }
        }
        throw new AssertionError("no rate-limit check in " + health);
    }
}
