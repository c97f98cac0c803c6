package dev.aitrainingdirectory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
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

    Http http();

    Cors cors();

    SearchCache searchCache();

    SearchIndex searchIndex();

    Webhooks webhooks();

    /** Partners' webhooks: who may be called, how often, and when a failing one is given up on. */
    interface Webhooks {

        /** Whether this instance delivers (off in tests, which deliver by calling the dispatcher). */
        @WithDefault("true")
        boolean dispatch();

        /**
         * Hosts or IP literals that webhooks may reach although they are not public (loopback, private networks), and
         * over plain http: a receiver inside the cluster, a local test server. Empty: only https to public addresses.
         */
        Optional<List<String>> allowPrivateHosts();

        /** How many webhooks one partner may hold. */
        @WithDefault("10")
        int maxPerPartner();

        /** How often an instance looks for events and due deliveries when it was not told of a write of its own. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** How long a delivery claimed by an instance stays claimed: after a crash, it goes out again once this passed. */
        @WithDefault("60s")
        Duration lease();

        /** How long a delivery is retried (with exponential backoff and jitter) before it is given up. */
        @WithDefault("25h")
        Duration retryFor();

        /** A webhook is disabled after this many failed attempts in a row... */
        @WithDefault("10")
        int disableAfterFailures();

        /** ...that span at least this long, so that a short outage of a busy receiver does not disable it. */
        @WithDefault("24h")
        Duration disableAfter();

        /** How long the secret before a rotation keeps signing. */
        @WithDefault("24h")
        Duration secretOverlap();

        @WithDefault("3s")
        Duration connectTimeout();

        /** How long a receiver has to answer. */
        @WithDefault("10s")
        Duration requestTimeout();
    }

    /**
     * The Lucene index that every listing search reads, kept current from the change log. With a path it
     * lives on disk and a restart resumes from its last commit; without one it lives in memory and is
     * built at every start. One directory per process: a second process is refused its lock.
     */
    interface SearchIndex {

        Optional<Path> path();
    }

    /**
     * Serialized search answers kept in memory, keyed by the change log's head: any write, on any
     * instance, makes them stale at once.
     */
    interface SearchCache {

        @WithDefault("true")
        boolean enabled();

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

    /** Who may say which client a request comes from: the proxies in front of the service. */
    interface Http {

        /**
         * The proxies (IP addresses or CIDR ranges) trusted to name the client and its scheme in the
         * forwarding header; none by default, and then every forwarding header is ignored.
         */
        Optional<List<String>> trustedProxies();

        /** The header they name it in. */
        @WithDefault("x-forwarded-for")
        ForwardedHeader forwardedHeader();

        /** Which header a trusted proxy names the client in. */
        enum ForwardedHeader {
            /** {@code X-Forwarded-For} for the address, {@code X-Forwarded-Proto} for the scheme: what nginx and most CDNs send. */
            X_FORWARDED_FOR,
            /** RFC 7239 {@code Forwarded}: its {@code for} and {@code proto} parameters. */
            FORWARDED
        }
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

        /**
         * Where the buckets live: in this instance's memory, or in Redis ({@code quarkus.redis.hosts}),
         * shared by every instance so that a limit holds for the whole deployment.
         */
        @WithDefault("memory")
        Store store();

        /** How long a request waits for Redis before it is limited by this instance's buckets instead. */
        @WithDefault("250ms")
        Duration redisTimeout();

        /** After Redis failed, how long the instance keeps to its own buckets before it tries Redis again. */
        @WithDefault("1s")
        Duration redisRetryInterval();

        enum Store {
            MEMORY,
            REDIS
        }
    }

    /** The job that closes listings past their expiry. */
    interface Expiry {

        /** How often the job runs. */
        @WithDefault("60s")
        Duration interval();
    }
}
