package dev.aitrainingdirectory.paytier;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pay tier as clients read it, with its published range and what its open listings pay. */
@Schema(name = "PayTier", description = "A band of work and its published hourly range.",
        requiredProperties = {"slug", "name", "description", "publishedRange", "observed", "createdAt", "updatedAt", "version"})
public record PayTierResponse(
        @Schema(examples = "coding", maxLength = 64, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String slug,
        @Schema(examples = "Coding", maxLength = 120, pattern = "\\S") String name,
        @Schema(description = "What work the tier covers, in plain text.", maxLength = 4000, pattern = "\\S") String description,
        @Schema(description = "The hourly range published for this kind of work.") PayRange publishedRange,
        @Schema(description = "What the tier's open hourly listings pay now.") ObservedPay observed,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Increases with every change.", examples = "1", minimum = "0",
                maximum = "9223372036854775807") long version) {

    public static PayTierResponse of(PayTier tier, ObservedPay observed) {
        return new PayTierResponse(tier.slug, tier.name, tier.description,
                new PayRange(tier.rangeMin, tier.rangeMax, tier.rangeCurrency), observed,
                tier.createdAt, tier.updatedAt, tier.version);
    }
}
