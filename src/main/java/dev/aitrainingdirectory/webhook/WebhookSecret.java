package dev.aitrainingdirectory.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets in the Standard Webhooks form ({@code whsec_} and base64 of 24 to 64 random bytes), so that a
 * receiver can hand the secret we show them straight to any Standard Webhooks library.
 */
public final class WebhookSecret {

    private static final String PREFIX = "whsec_";
    /** 256 bits: the key length of HMAC-SHA256, well inside the 24 to 64 bytes the specification allows. */
    private static final int GENERATED_BYTES = 32;
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    /** A new random secret, to be shown to the receiver once and stored for signing. */
    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The HMAC key a secret stands for.
     *
     * @throws IllegalArgumentException when the secret lacks the {@code whsec_} prefix, is not standard base64, or
     *                                  holds fewer than 24 or more than 64 bytes
     */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret must start with " + PREFIX + ".");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("A webhook secret must be base64 after " + PREFIX + ".", notBase64);
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "A webhook secret must hold " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length + ".");
        }
        return key;
    }
}
