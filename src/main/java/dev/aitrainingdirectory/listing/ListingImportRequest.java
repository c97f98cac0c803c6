package dev.aitrainingdirectory.listing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A batch of listings to upsert by (platform, externalId). */
@Schema(name = "ListingImport", description = "Up to 1000 listings, upserted by (`platform`, `externalId`), all or nothing.",
        additionalProperties = Schema.False.class)
public record ListingImportRequest(
        @Schema(required = true, maxItems = ListingService.MAX_IMPORT, description = "The listings, each as `POST /api/listings` takes it.") List<ListingRequest> listings) {
}
