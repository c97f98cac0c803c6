package dev.aitrainingdirectory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed configuration of the directory, under the {@code directory.} prefix. */
@ConfigMapping(prefix = "directory")
public interface DirectoryConfig {

    /** Whether a fresh database is filled with the example data, once. */
    @WithDefault("true")
    boolean exampleData();

    Security security();

    Expiry expiry();

    RateLimit rateLimit();

    Cors cors();

    SearchCache searchCache();

    SearchIndex searchIndex();

    /**
     * The in-memory copy of every listing's searchable facts that searches read instead of the
     * database. It is used only while it reflects the last change of the database's change log, which
     * every search checks (one primary-key read); until a newer copy is built, searches read the database.
     */
    interface SearchIndex {

        @WithDefault("true")
        boolean enabled();
    }

    /**
     * Serialized search answers kept in memory. A write on this instance makes every entry stale at once;
     * a write on another instance is seen here after at most {@code ttl}, which is also how long a shared
     * cache (CDN) may keep a search answer ({@code s-maxage}).
     */
    interface SearchCache {

        @WithDefault("true")
        boolean enabled();

        /** How long an answer is kept: the most that a write on another instance, or an expiry, goes unseen. */
        @WithDefault("5s")
        Duration ttl();

        /** The memory the kept answers and their keys may take, in bytes (two per character). */
        @WithDefault("33554432")
        long maxBytes();
    }

    /** Which browser origins may call the API: reads and writes separately. */
    interface Cors {

        /** Origins whose pages may read (GET); {@code *} for any. */
        @WithDefault("*")
        List<String> readOrigins();

        /** Origins whose pages may also write; none unless configured. */
        Optional<List<String>> writeOrigins();
    }

    /** API keys, stored only as SHA-256 hex digests. */
    interface Security {

        /** Digests of the keys that may write (the curator role). */
        Optional<List<String>> curatorKeyHashes();

        /** Digests of the keys of partners, who read with a higher rate limit but never write. */
        Optional<List<String>> partnerKeyHashes();
    }

    /** Requests per minute per client: anonymous callers by address, partners and curators by key. */
    interface RateLimit {

        /** Off for benchmarks only. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("300")
        long anonymousPerMinute();

        @WithDefault("3000")
        long partnerPerMinute();

        @WithDefault("1200")
        long curatorPerMinute();
    }

    /** The job that closes listings past their expiry. */
    interface Expiry {

        /** How often the job runs. */
        @WithDefault("60s")
        Duration interval();
    }
}
