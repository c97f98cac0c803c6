package dev.aitrainingdirectory.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j's distributed buckets kept in Redis through Quarkus' (Vert.x) Redis client: Bucket4j does the
 * token arithmetic and retries, this class only reads a bucket's state and swaps it atomically (a Lua
 * script compares the stored bytes with those read and writes the new ones only if they are unchanged).
 * Bucket4j ships the same for Lettuce, Jedis and Redisson; Quarkus' client shares the service's event
 * loop and configuration ({@code quarkus.redis.hosts}) instead of bringing a second Netty stack.
 *
 * <p>Only the asynchronous operations are used: the limits are taken on the event loop.
 */
final class RedisProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {

    /** Writes the new state only where the stored one is still what was read (none: not stored yet); with an expiry. */
    private static final String COMPARE_AND_SWAP = """
            local stored = redis.call('get', KEYS[1])
            if (ARGV[1] == '' and not stored) or stored == ARGV[1] then
              redis.call('set', KEYS[1], ARGV[2], 'px', ARGV[3])
              return 1
            end
            return 0""";

    private final Redis redis;

    RedisProxyManager(Redis redis, Duration keepIdleBuckets) {
        super(ClientSideConfig.getDefault()
                .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepIdleBuckets)));
        this.redis = redis;
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    /** Every write sets the key's expiry: a bucket left alone is gone once it would be full again. */
    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        return new AsyncCompareAndSwapOperation() {
            @Override
            public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
                return send(Request.cmd(Command.GET).arg(key))
                        .thenApply(response -> Optional.ofNullable(response).map(Response::toBytes));
            }

            @Override
            public CompletableFuture<Boolean> compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                    Optional<Long> timeoutNanos) {
                long ttlMillis = Math.max(1, getClientSideConfig().getExpirationAfterWriteStrategy().orElseThrow()
                        .calculateTimeToLiveMillis(newState, currentTimeNanos()));
                Request swap = Request.cmd(Command.EVAL).arg(COMPARE_AND_SWAP).arg(1).arg(key)
                        .arg(originalData == null ? Buffer.buffer() : Buffer.buffer(originalData))
                        .arg(Buffer.buffer(newData)).arg(ttlMillis);
                return send(swap).thenApply(response -> response != null && response.toInteger() == 1);
            }
        };
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("The rate limits take tokens asynchronously only, on the event loop");
    }

    @Override
    public void removeProxy(String key) {
        throw new UnsupportedOperationException("The rate limits remove no buckets; idle ones expire in Redis");
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return send(Request.cmd(Command.DEL).arg(key)).thenApply(ignored -> null);
    }

    private CompletableFuture<Response> send(Request request) {
        return redis.send(request).toCompletionStage().toCompletableFuture();
    }
}
