package dev.aitrainingdirectory.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.config.DirectoryConfig.RateLimit.Store;
import dev.aitrainingdirectory.security.ApiKeys;
import dev.aitrainingdirectory.security.Roles;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.NetUtil;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Token buckets per client: anonymous callers by address, partners and curators by key (a partner's
 * limit is higher). Each client has its own bucket, so one client's burst never slows another.
 * By default the buckets live in this instance's memory (buckets of clients gone quiet expire, and
 * their number is bounded); with {@code directory.rate-limit.store=redis} they live in Redis and hold
 * for the whole deployment, and this instance's own buckets answer only while Redis cannot
 * ({@link SharedBuckets}).
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome for one request: whether it may go on, and what the RateLimit headers say. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    private final DirectoryConfig config;
    private final ApiKeys apiKeys;
    /** The buckets in Redis; null with the memory store. */
    private final SharedBuckets shared;

    @Inject
    RateLimiter(DirectoryConfig config, ApiKeys apiKeys, Instance<Redis> redis, MeterRegistry registry) {
        this.config = config;
        this.apiKeys = apiKeys;
        this.shared = config.rateLimit().enabled() && config.rateLimit().store() == Store.REDIS
                ? new SharedBuckets(redis.get(), config.rateLimit().redisTimeout(), config.rateLimit().redisRetryInterval(), registry)
                : null;
    }

    public boolean enabled() {
        return config.rateLimit().enabled();
    }

    /** Where the buckets are now: memory, or Redis and whether it answers. */
    Optional<SharedBuckets.State> sharedState() {
        return Optional.ofNullable(shared).map(SharedBuckets::state);
    }

    /**
     * Takes one token from the bucket of the caller with this bearer key (may be null) and address. With
     * the memory store the answer is complete when this returns; the future never fails.
     */
    public CompletableFuture<Decision> consume(String bearerKey, String address) {
        Optional<String> role = bearerKey == null ? Optional.empty() : apiKeys.roleOf(bearerKey);
        long perMinute;
        String client;
        if (role.isPresent()) {
            perMinute = role.get().equals(Roles.CURATOR) ? config.rateLimit().curatorPerMinute() : config.rateLimit().partnerPerMinute();
            client = "key:" + ApiKeys.hexDigest(bearerKey);
        } else {
            perMinute = config.rateLimit().anonymousPerMinute();
            client = "address:" + bucketAddress(address);
        }
        Bucket local = buckets.get(client, ignored -> Bucket.builder().addLimit(bandwidth(perMinute)).build());
        if (shared == null) {
            return CompletableFuture.completedFuture(decision(local.tryConsumeAndReturnRemaining(1), perMinute));
        }
        // The limit is part of the shared key: Bucket4j keeps a stored bucket's configuration, so a changed
        // limit (or a key that became a curator's) starts a new bucket instead of keeping the old limit.
        return shared.tryConsume(perMinute + ":" + client, BucketConfiguration.builder().addLimit(bandwidth(perMinute)).build(), local)
                .thenApply(probe -> decision(probe, perMinute));
    }

    /**
     * The address an anonymous client's bucket is kept under: an IPv4 address as it is, an IPv6 address by
     * its /64, the block one subscriber is given, so that a client cannot get a fresh bucket by moving
     * within it.
     */
    static String bucketAddress(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || bytes.length != 16) {
            return address;
        }
        Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return NetUtil.toAddressString(InetAddress.getByAddress(bytes)) + "/64";
        } catch (UnknownHostException impossible) {
            return address;
        }
    }

    private static Bandwidth bandwidth(long perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }

    private static Decision decision(ConsumptionProbe probe, long perMinute) {
        long resetSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        if (probe.isConsumed()) {
            // Time until the bucket is full again: what RateLimit-Reset means for a client under the limit.
            long missing = perMinute - probe.getRemainingTokens();
            long fullInSeconds = (long) Math.ceil(missing * 60.0 / perMinute);
            return new Decision(true, perMinute, probe.getRemainingTokens(), fullInSeconds);
        }
        return new Decision(false, perMinute, 0, resetSeconds);
    }
}
