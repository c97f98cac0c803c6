package dev.aitrainingdirectory.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform or pay tier as a listing names it: its slug and its display name. */
@Schema(name = "NamedReference", description = "A platform or pay tier, by slug and name.")
public record NamedReference(
        @Schema(description = "The url-safe identifier.", examples = "outlier") String slug,
        @Schema(description = "The display name.", examples = "Outlier") String name) {
}
