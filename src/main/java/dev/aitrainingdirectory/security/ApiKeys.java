package dev.aitrainingdirectory.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aitrainingdirectory.config.DirectoryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises API keys by their SHA-256 digest. Only digests are configured, and every configured
 * digest is compared in constant time, so neither the keys nor their position leak. Partner account keys
 * live in the database ({@link PartnerKeyStore}); this class knows their form.
 */
@ApplicationScoped
public class ApiKeys {

    private static final String BEARER = "Bearer ";

    /** How every partner account key begins. */
    public static final String PARTNER_KEY_PREFIX = "dir_pk_";
    /** 32 bytes in base64url without padding. */
    private static final int PARTNER_KEY_CHARACTERS = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Digests of partner account keys that authenticated lately: only what the rate limiter reads, so that a
     * partner gets its limit, while guessed keys in the same form are limited by address like anonymous callers.
     */
    private final Cache<String, Boolean> recentPartnerKeys = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    private final List<byte[]> curatorDigests;
    private final List<byte[]> partnerDigests;

    @Inject
    public ApiKeys(DirectoryConfig config) {
        this.curatorDigests = decode(config.security().curatorKeyHashes());
        this.partnerDigests = decode(config.security().partnerKeyHashes());
    }

    /**
     * The role of {@code key} as the rate limiter may judge it on the event loop, without the database: a
     * configured key's, or a partner's for a partner account key that authenticated within the last minute.
     * Empty for any other key, which is then limited by its address (and refused by authentication).
     */
    public Optional<String> roleOf(String key) {
        byte[] digest = sha256(key);
        Optional<String> configured = configuredRoleOf(digest);
        if (configured.isPresent() || !isPartnerAccountKey(key)) {
            return configured;
        }
        return recentPartnerKeys.getIfPresent(HexFormat.of().formatHex(digest)) != null ? Optional.of(Roles.PARTNER)
                : Optional.empty();
    }

    /** Whether {@code key} has the form of a partner account's key (it may still be unknown or revoked). */
    public static boolean isPartnerAccountKey(String key) {
        return key.startsWith(PARTNER_KEY_PREFIX) && key.length() == PARTNER_KEY_PREFIX.length() + PARTNER_KEY_CHARACTERS;
    }

    /**
     * A new partner account key: the prefix, which makes a leaked key recognisable in a log or a repository,
     * and 256 random bits in base64url.
     */
    public static String newPartnerKey() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return PARTNER_KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    void rememberPartnerKey(String digest) {
        recentPartnerKeys.put(digest, Boolean.TRUE);
    }

    /** Forgets a revoked key at once on this instance; other instances let it go within a minute. */
    public void forgetPartnerKey(String digest) {
        recentPartnerKeys.invalidate(digest);
    }

    /** The role of the key with this digest (hex, as {@link #hexDigest} gives it), or empty when it is no configured key. */
    public Optional<String> configuredRoleOfDigest(String hexDigest) {
        return configuredRoleOf(HexFormat.of().parseHex(hexDigest));
    }

    private Optional<String> configuredRoleOf(byte[] digest) {
        boolean curator = matchesAny(digest, curatorDigests);
        boolean partner = matchesAny(digest, partnerDigests);
        if (curator) {
            return Optional.of(Roles.CURATOR);
        }
        return partner ? Optional.of(Roles.PARTNER) : Optional.empty();
    }

    /**
     * The key of an {@code Authorization} header, {@code Bearer <api-key>} (the scheme in any case); null when the
     * header uses another scheme or none.
     */
    public static String bearerKey(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
    }

    /** The SHA-256 digest of a key, as configured in hex. */
    public static String hexDigest(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static boolean matchesAny(byte[] digest, List<byte[]> candidates) {
        boolean matched = false;
        for (byte[] candidate : candidates) {
            matched |= MessageDigest.isEqual(digest, candidate);
        }
        return matched;
    }

    private static List<byte[]> decode(Optional<List<String>> hexDigests) {
        return hexDigests.orElse(List.of()).stream()
                .map(String::trim)
                .filter(hex -> !hex.isEmpty())
                .map(hex -> {
                    if (!hex.matches("(?i)[0-9a-f]{64}")) {
                        throw new IllegalArgumentException("An API key hash must be 64 hex digits (SHA-256), not '" + hex + "'");
                    }
                    return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
                })
                .toList();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
