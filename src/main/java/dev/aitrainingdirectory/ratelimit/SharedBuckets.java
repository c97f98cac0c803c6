package dev.aitrainingdirectory.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The buckets every instance shares, in Redis, and what happens when Redis cannot answer: a request
 * that waits longer than the timeout, or fails, is limited by the instance's own buckets instead, and
 * so is every request until the retry interval has passed; then one request tries Redis again. Any
 * answer from Redis (that one, or one that was only late) takes the instance back to the shared
 * buckets. A fallback is a WARN (at most one a minute), its end an INFO when it lasted a retry interval
 * or more; the readiness check shows it and stays up: the service still limits, only per instance.
 */
final class SharedBuckets {

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    /** Whether the instance uses the shared buckets now, and since when; the reason when it does not. */
    record State(boolean shared, Instant since, String reason) {
    }

    private final AsyncProxyManager<String> buckets;
    private final long timeoutNanos;
    private final long retryNanos;
    private final AtomicReference<State> state = new AtomicReference<>(new State(true, Instant.now(), null));
    /** While falling back: the System.nanoTime() at which one request may try Redis again. */
    private final AtomicLong retryAt = new AtomicLong();
    /** The System.nanoTime() of the last WARN; a minute before the start, so that the first one is written. */
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    private final Counter fallbacks;

    SharedBuckets(Redis redis, Duration timeout, Duration retryInterval, MeterRegistry registry) {
        this.buckets = new RedisProxyManager(redis, Duration.ofSeconds(10)).asAsync();
        this.timeoutNanos = timeout.toNanos();
        this.retryNanos = retryInterval.toNanos();
        Gauge.builder("directory.rate.limit.shared", state, current -> current.get().shared() ? 1 : 0)
                .description("1 while the rate limits' buckets are shared in Redis, 0 while this instance uses its own")
                .register(registry);
        this.fallbacks = Counter.builder("directory.rate.limit.redis.failures")
                .description("Requests limited by this instance's own buckets because Redis failed or was late")
                .register(registry);
    }

    State state() {
        return state.get();
    }

    /**
     * Takes one token from the shared bucket of this client; from {@code local}, the instance's own bucket
     * of the client, when Redis is not to be asked now or does not answer in time. The future never fails.
     */
    CompletableFuture<ConsumptionProbe> tryConsume(String client, BucketConfiguration configuration, Bucket local) {
        if (!state.get().shared() && !mayRetry()) {
            return CompletableFuture.completedFuture(local.tryConsumeAndReturnRemaining(1));
        }
        CompletableFuture<ConsumptionProbe> shared;
        try {
            shared = buckets.builder().build("directory:rate-limit:" + client, configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException refused) {
            shared = CompletableFuture.failedFuture(refused);
        }
        return shared.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS).handle((probe, failure) -> {
            if (failure == null) {
                answered();
                follow(local, probe.getRemainingTokens());
                return probe;
            }
            failed(failure);
            return local.tryConsumeAndReturnRemaining(1);
        });
    }

    /**
     * Keeps the instance's own bucket of a client where the shared one is, so that a fallback goes on
     * from the client's shared count, not from a full bucket: a Redis answer that is only late must not
     * hand out a whole limit again. (Approximate under concurrency, which only matters while falling back.)
     */
    private static void follow(Bucket local, long sharedRemaining) {
        long surplus = local.getAvailableTokens() - sharedRemaining;
        if (surplus > 0) {
            local.tryConsumeAsMuchAsPossible(surplus);
        } else if (surplus < 0) {
            local.addTokens(-surplus);
        }
    }

    /** Whether this request is the one that tries Redis again, once the retry interval has passed. */
    private boolean mayRetry() {
        long at = retryAt.get();
        return System.nanoTime() - at >= 0 && retryAt.compareAndSet(at, System.nanoTime() + retryNanos);
    }

    /**
     * Any answer ends a fallback: one late answer (a pause, a cold start) must not leave the instance on
     * its own full buckets for a whole retry interval. Only a fallback that lasted that long is logged.
     */
    private void answered() {
        State before = state.get();
        if (!before.shared() && state.compareAndSet(before, new State(true, Instant.now(), null))) {
            Duration lasted = Duration.between(before.since(), Instant.now());
            LOG.logf(lasted.toNanos() >= retryNanos ? Logger.Level.INFO : Logger.Level.DEBUG,
                    "Redis answers again: the rate limits are shared by every instance again, after %s ms on this instance's own buckets",
                    lasted.toMillis());
        }
    }

    private void failed(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String reason = cause instanceof java.util.concurrent.TimeoutException
                ? "no answer within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        fallbacks.increment();
        retryAt.set(System.nanoTime() + retryNanos);
        State before = state.get();
        if (before.shared() && state.compareAndSet(before, new State(false, Instant.now(), reason))) {
            // At most one WARN a minute: a Redis that is slow now and then would otherwise fill the log.
            long now = System.nanoTime();
            long last = lastWarning.get();
            boolean warn = now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now);
            LOG.logf(warn ? Logger.Level.WARN : Logger.Level.DEBUG,
                    "Redis failed (%s): the rate limits are this instance's own until it answers again (tried every %s ms; %s such failures so far)",
                    reason, Duration.ofNanos(retryNanos).toMillis(), (long) fallbacks.count());
        }
    }
}
