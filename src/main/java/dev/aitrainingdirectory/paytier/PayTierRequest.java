package dev.aitrainingdirectory.paytier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pay tier as curators write it. */
@Schema(name = "PayTierWrite", description = "A pay tier as curators write it.")
public record PayTierRequest(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits joined by hyphens")
        @Schema(description = "Url-safe and unique, chosen at creation and never changed; optional on PUT and PATCH.",
                examples = "coding")
        String slug,
        @NotBlank @Size(max = 120) @Schema(examples = "Coding") String name,
        @NotBlank @Size(max = 4000) String description,
        @NotNull @Valid PayRange publishedRange) {

    /** The tier as a curator would write it again: the base that a merge patch applies to. */
    public static PayTierRequest of(PayTier tier) {
        return new PayTierRequest(tier.slug, tier.name, tier.description,
                new PayRange(tier.rangeMin, tier.rangeMax, tier.rangeCurrency));
    }
}
