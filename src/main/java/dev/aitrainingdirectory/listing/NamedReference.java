package dev.aitrainingdirectory.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform or pay tier as a listing names it: its slug and its display name. */
@Schema(name = "NamedReference", description = "A platform or pay tier, by slug and name.", requiredProperties = {"slug", "name"})
public record NamedReference(
        @Schema(description = "The url-safe identifier.", examples = "outlier", maxLength = 64,
                pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String slug,
        @Schema(description = "The display name.", examples = "Outlier", maxLength = 120, pattern = "\\S") String name) {
}
