package dev.aitrainingdirectory.ratelimit;

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
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The buckets every instance shares, in Redis, and what happens when Redis cannot answer: a request
 * that waits longer than the timeout, or fails, is limited by the instance's own buckets instead, and
 * so is every request until the retry interval has passed; then one request tries Redis again, and
 * when it answers, the instance goes back to the shared buckets. The switch is logged both ways and
 * shown by the readiness check, which stays up: the service still limits, only per instance.
 */
final class SharedBuckets {

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);

    /** Whether the instance uses the shared buckets now, and since when; the reason when it does not. */
    record State(boolean shared, Instant since, String reason) {
    }

    private final AsyncProxyManager<String> buckets;
    private final long timeoutNanos;
    private final long retryNanos;
    private final AtomicReference<State> state = new AtomicReference<>(new State(true, Instant.now(), null));
    /** While falling back: the System.nanoTime() at which one request may try Redis again. */
    private final AtomicLong retryAt = new AtomicLong();

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
     * Takes one token from the shared bucket of this client; the local answer when Redis is not to be
     * asked now or does not answer in time. The future never fails.
     */
    CompletableFuture<ConsumptionProbe> tryConsume(String client, BucketConfiguration configuration,
            Supplier<ConsumptionProbe> local) {
        if (!mayAsk()) {
            return CompletableFuture.completedFuture(local.get());
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
                return probe;
            }
            failed(failure);
            return local.get();
        });
    }

    private boolean mayAsk() {
        if (state.get().shared()) {
            return true;
        }
        long at = retryAt.get();
        return System.nanoTime() - at >= 0 && retryAt.compareAndSet(at, System.nanoTime() + retryNanos);
    }

    private void answered() {
        State before = state.get();
        if (!before.shared() && state.compareAndSet(before, new State(true, Instant.now(), null))) {
            LOG.infof("Redis answers again: the rate limits are shared by every instance again, after %s s on this instance's own buckets",
                    Duration.between(before.since(), Instant.now()).toSeconds());
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
            LOG.warnf("Redis failed (%s): the rate limits are this instance's own until it answers again (tried every %s ms)",
                    reason, Duration.ofNanos(retryNanos).toMillis());
        }
    }
}
