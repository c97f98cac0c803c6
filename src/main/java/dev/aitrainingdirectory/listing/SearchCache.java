package dev.aitrainingdirectory.listing;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.persistence.WriteGeneration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The fast path of the search: answers already serialized, keyed by the {@link WriteGeneration} and
 * the query with its parameters in a fixed order. A write on this instance moves the generation on
 * before it is answered, so from then on every search misses the answers read before it: a client
 * never reads its own write stale. Writes on other instances, and listings passing their expiry, show
 * after at most the configured time to live. Concurrent misses of one key wait for a single search
 * instead of all running it (a popular search whose entry just expired must not hit the database once
 * per waiting client).
 */
@ApplicationScoped
public class SearchCache {

    /** One serialized answer: the JSON of the page, its strong tag, and what its Link header needs. */
    public record Answer(String json, EntityTag tag, long page, long totalPages) {

        public static Answer of(String json, long page, long totalPages) {
            return new Answer(json, EntityTags.ofContent(json), page, totalPages);
        }
    }

    private final WriteGeneration writes;
    private final boolean enabled;
    private final String cacheControl;
    private final AsyncCache<String, Answer> answers;

    @Inject
    SearchCache(DirectoryConfig config, WriteGeneration writes, MeterRegistry registry) {
        this.writes = writes;
        this.enabled = config.searchCache().enabled();
        long sharedSeconds = enabled ? config.searchCache().ttl().toSeconds() : 0;
        this.cacheControl = "public, max-age=0, s-maxage=" + sharedSeconds;
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(config.searchCache().ttl())
                .maximumWeight(config.searchCache().maxBytes())
                .weigher((String key, Answer answer) -> 2 * (key.length() + answer.json().length()))
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(registry, answers.synchronous(), "search");
    }

    /**
     * The answer to a search with these query parameters: the kept one when no write has finished since
     * it was read, else a new one from {@code search}, run on the calling thread. A search that fails (a
     * 400) throws to its caller and to those who waited for it, and keeps nothing.
     */
    public Answer answer(Map<String, List<String>> query, Supplier<Answer> search) {
        if (!enabled) {
            return search.get();
        }
        String key = writes.current() + "/" + keyOf(query);
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> kept = answers.getIfPresent(key);
        if (kept == null) {
            kept = answers.asMap().putIfAbsent(key, mine);
        }
        if (kept != null) {
            try {
                return kept.join();
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
            mine.completeExceptionally(failed);
            throw failed;
        }
    }

    /**
     * The {@code Cache-Control} of a search answer: browsers revalidate every time (a 304 is cheap, and a
     * curator sees their own write at once), shared caches may keep it as long as an instance does.
     */
    public String cacheControl() {
        return cacheControl;
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
