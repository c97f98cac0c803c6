package dev.aitrainingdirectory.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did to each row. */
@Schema(name = "ListingImportResult", description = "How many rows of an import were created, updated or already up to date.",
        requiredProperties = {"created", "updated", "unchanged"})
public record ListingImportResult(
        @Schema(examples = "12", minimum = "0", maximum = "1000") int created,
        @Schema(examples = "3", minimum = "0", maximum = "1000") int updated,
        @Schema(examples = "985", minimum = "0", maximum = "1000") int unchanged) {
}
