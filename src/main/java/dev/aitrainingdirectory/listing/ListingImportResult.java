package dev.aitrainingdirectory.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did to each row. */
@Schema(name = "ListingImportResult", description = "How many rows of an import were created, updated or already up to date.")
public record ListingImportResult(
        @Schema(examples = "12") int created,
        @Schema(examples = "3") int updated,
        @Schema(examples = "985") int unchanged) {
}
