package dev.aitrainingdirectory.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification: one {@code v1,<base64 HMAC-SHA256>}
 * per secret, so that during a rotation a receiver still holding the previous secret keeps verifying deliveries.
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /**
     * Signs {@code messageId.timestampSeconds.body} with each secret, in the given order (the current secret first).
     *
     * @throws IllegalArgumentException when there is no secret, a secret is malformed, or the message id holds a
     *                                  full stop (which would let one signed content pass for another)
     */
    public static String header(String messageId, long timestampSeconds, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("A webhook needs at least one secret to be signed.");
        }
        if (messageId.indexOf('.') >= 0) {
            throw new IllegalArgumentException("A webhook message id must not contain a full stop.");
        }
        byte[] content = (messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        return secrets.stream()
                .map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(WebhookSecret.key(secret), content)))
                .collect(Collectors.joining(" "));
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(content);
        } catch (GeneralSecurityException everyJdkHasIt) {
            throw new IllegalStateException(ALGORITHM + " is not available", everyJdkHasIt);
        }
    }
}
