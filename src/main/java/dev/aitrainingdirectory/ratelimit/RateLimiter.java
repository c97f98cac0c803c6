package dev.aitrainingdirectory.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.security.ApiKeys;
import dev.aitrainingdirectory.security.Roles;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets per client: anonymous callers by address, partners and curators by key (a partner's
 * limit is higher). Each client has its own bucket, so one client's burst never slows another;
 * buckets of clients gone quiet expire, and their number is bounded.
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

    @Inject
    DirectoryConfig config;
    @Inject
    ApiKeys apiKeys;

    public boolean enabled() {
        return config.rateLimit().enabled();
    }

    /** Takes one token from the bucket of the caller with this bearer key (may be null) and address. */
    public Decision consume(String bearerKey, String address) {
        Optional<String> role = bearerKey == null ? Optional.empty() : apiKeys.roleOf(bearerKey);
        long perMinute;
        String client;
        if (role.isPresent()) {
            perMinute = role.get().equals(Roles.CURATOR) ? config.rateLimit().curatorPerMinute() : config.rateLimit().partnerPerMinute();
            client = "key:" + ApiKeys.hexDigest(bearerKey);
        } else {
            perMinute = config.rateLimit().anonymousPerMinute();
            client = "address:" + address;
        }
        Bucket bucket = buckets.get(client, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
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
