package dev.aitrainingdirectory.security;

import dev.aitrainingdirectory.config.DirectoryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises API keys by their SHA-256 digest. Only digests are configured, and every configured
 * digest is compared in constant time, so neither the keys nor their position leak.
 */
@ApplicationScoped
public class ApiKeys {

    private static final String BEARER = "Bearer ";

    private final List<byte[]> curatorDigests;
    private final List<byte[]> partnerDigests;

    @Inject
    public ApiKeys(DirectoryConfig config) {
        this.curatorDigests = decode(config.security().curatorKeyHashes());
        this.partnerDigests = decode(config.security().partnerKeyHashes());
    }

    /** The role of {@code key}, or empty when it is no configured key. */
    public Optional<String> roleOf(String key) {
        byte[] digest = sha256(key);
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
