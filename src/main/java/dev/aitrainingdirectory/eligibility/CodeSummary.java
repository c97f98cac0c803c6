package dev.aitrainingdirectory.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A country or language with how much open work it has. */
@Schema(name = "CodeSummary", description = "A country or a language with the open work it has.")
public record CodeSummary(
        @Schema(description = "ISO 3166-1 alpha-2 country code or ISO 639-1 language code.", examples = "IN") String code,
        @Schema(description = "The English name.", examples = "India") String name,
        @Schema(description = "For a country, the open listings a contributor living there qualifies for (what"
                + " `country=` finds); for a language, the open listings that require it (what `language=` finds).",
                examples = "31")
        long openListings,
        @Schema(description = "How many platforms those open listings are on.", examples = "4") long platforms) {
}
