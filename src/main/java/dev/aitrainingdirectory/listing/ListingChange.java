package dev.aitrainingdirectory.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the changes feed: a listing as it is now, or a tombstone for one that was deleted. */
@Schema(name = "ListingChange", description = "A listing created or changed (with its current state), or deleted (a tombstone).",
        requiredProperties = {"id", "deleted"})
public record ListingChange(
        @Schema(description = "The listing's id.", examples = "1042", minimum = "1", maximum = "9223372036854775807") long id,
        @Schema(description = "True for a deleted listing; `listing` is then absent.") boolean deleted,
        @Schema(description = "The listing as it is now; absent when deleted.") ListingResponse listing) {
}
