package dev.aitrainingdirectory.paytier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pay tier as curators write it. */
@Schema(name = "PayTierWrite", description = "A pay tier as curators write it.", additionalProperties = Schema.False.class)
public record PayTierRequest(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits joined by hyphens")
        @Schema(description = "Url-safe and unique, chosen at creation and never changed; optional on PUT and PATCH.",
                examples = "coding", pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")
        String slug,
        @NotBlank @Size(max = 120) @Schema(examples = "Coding") String name,
        @NotBlank @Size(max = 4000) String description,
        @NotNull @Valid PayRange publishedRange) {

    /** An example body for the OpenAPI document: a pay tier as a curator creates it. */
    public static final String EXAMPLE = """
            {"slug": "medicine", "name": "Medicine", "description": "Clinical questions answered and reviewed by physicians.",
             "publishedRange": {"min": 60.00, "max": 120.00, "currency": "USD"}}""";

    /** An example merge patch for the OpenAPI document: a new published range. */
    public static final String PATCH_EXAMPLE = """
            {"publishedRange": {"min": 65.00, "max": 125.00, "currency": "USD"}}""";

    /** The tier as a curator would write it again: the base that a merge patch applies to. */
    public static PayTierRequest of(PayTier tier) {
        return new PayTierRequest(tier.slug, tier.name, tier.description,
                new PayRange(tier.rangeMin, tier.rangeMax, tier.rangeCurrency));
    }
}
