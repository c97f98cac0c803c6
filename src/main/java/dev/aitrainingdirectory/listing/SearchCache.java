package dev.aitrainingdirectory.listing;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.http.EntityTags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The fast path of the search: answers already serialized, keyed by the change log's head and the
 * query with its parameters in a fixed order. Every write moves the head, on whichever instance it is
 * made, so an answer read before it is never served after it: there is no time to live to wait out.
 * An answer is also dropped once a listing it could show reaches its expiry ({@code stableUntil}).
 * Concurrent misses of one key wait for a single search instead of all running it.
 */
@ApplicationScoped
public class SearchCache {

    /** One serialized answer: the JSON of the page, its strong tag, what its Link header needs, and until when it holds. */
    public record Answer(String json, EntityTag tag, long page, long totalPages, Instant stableUntil) {

        public static Answer of(String json, long page, long totalPages, Instant stableUntil) {
            return new Answer(json, EntityTags.ofContent(json), page, totalPages, stableUntil);
        }
    }

    /** Browsers and shared caches keep an answer but revalidate it every time: a 304 is cheap, and never stale. */
    public static final String CACHE_CONTROL = "public, no-cache";

    private final boolean enabled;
    private final AsyncCache<String, Answer> answers;

    @Inject
    SearchCache(DirectoryConfig config, MeterRegistry registry) {
        this.enabled = config.searchCache().enabled();
        this.answers = Caffeine.newBuilder()
                .maximumWeight(config.searchCache().maxBytes())
                .weigher((String key, Answer answer) -> 2 * (key.length() + answer.json().length()))
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, answers.synchronous(), "search");
    }

    /**
     * The answer to a search with these query parameters at the change log's {@code head}: the kept one
     * while it holds at {@code now}, else a new one from {@code search}, run on the calling thread. A
     * search that fails (a 400) throws to its caller and keeps nothing; those who waited for it run it again.
     */
    public Answer answer(long head, Map<String, List<String>> query, Instant now, Supplier<Answer> search) {
        if (!enabled) {
            return search.get();
        }
        String key = head + "/" + keyOf(query);
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> kept = answers.getIfPresent(key);
        if (kept != null && kept.isDone() && !kept.isCompletedExceptionally() && !now.isBefore(kept.join().stableUntil())) {
            answers.asMap().remove(key, kept);
            kept = null;
        }
        if (kept == null) {
            kept = answers.asMap().putIfAbsent(key, mine);
        }
        if (kept != null) {
            try {
                return kept.join();
            } catch (CancellationException failedForAnother) {
                // The search it waited for failed (a bad request, say) and was dropped: run it again, to fail with its own error.
                return answer(head, query, now, search);
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        try {
            Answer answer = search.get();
            mine.complete(answer);
            return answer;
        } catch (RuntimeException failed) {
            answers.asMap().remove(key, mine);
            // Cancelled rather than failed: the cache logs every failed future as a warning, and a bad request is none.
            mine.cancel(false);
            throw failed;
        }
    }

    /**
     * The parameters by name, each value length-prefixed: the same search asked with its parameters in
     * another order shares the key, and no value can be crafted to look like another query.
     */
    static String keyOf(Map<String, List<String>> query) {
        StringBuilder key = new StringBuilder();
        new TreeMap<>(query).forEach((name, values) -> {
            key.append(name).append('=').append(values.size()).append(':');
            values.forEach(value -> key.append(value.length()).append(':').append(value));
            key.append('&');
        });
        return key.toString();
    }
}
