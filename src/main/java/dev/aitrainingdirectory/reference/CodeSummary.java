package dev.aitrainingdirectory.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A country or language with how much open work it has. */
@Schema(name = "CodeSummary", description = "A country or a language with the open work it has.",
        requiredProperties = {"code", "name", "openListings", "platforms"})
public record CodeSummary(
        @Schema(description = "ISO 3166-1 alpha-2 country code or ISO 639-1 language code.", examples = "IN",
                maxLength = 2, pattern = "^([A-Z]{2}|[a-z]{2})$") String code,
        @Schema(description = "The English name.", examples = "India", maxLength = 200, pattern = "\\S") String name,
        @Schema(description = "For a country, the open listings a contributor living there qualifies for (what"
                + " `country=` finds); for a language, the open listings that require it (what `language=` finds).",
                examples = "31", minimum = "0", maximum = "9223372036854775807")
        long openListings,
        @Schema(description = "How many platforms those open listings are on.", examples = "4", minimum = "0",
                maximum = "9223372036854775807") long platforms) {
}
