package dev.aitrainingdirectory.webhook;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook's new secret, in the only answer that holds it. */
@Schema(name = "RotatedWebhookSecret", description = "A webhook's new signing secret, shown in this answer only. Until"
        + " `previousSecretExpiresAt` every delivery carries a signature with each secret, so a receiver switches over"
        + " without losing one.", requiredProperties = {"secret", "previousSecretExpiresAt"})
public record RotatedSecret(
        @Schema(examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", maxLength = 100, pattern = "^whsec_[A-Za-z0-9+/=]+$")
        String secret,
        Instant previousSecretExpiresAt) {
}
