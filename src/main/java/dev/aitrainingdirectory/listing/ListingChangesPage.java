package dev.aitrainingdirectory.listing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the changes feed and the cursor to ask for the next. */
@Schema(name = "ListingChangesPage", description = "Changes in commit order; follow `nextCursor` until `items` is empty.",
        requiredProperties = {"items", "nextCursor"})
public record ListingChangesPage(
        @Schema(description = "The changes, oldest first; at most `limit`.", maxItems = ListingChanges.MAX_LIMIT)
        List<ListingChange> items,
        @Schema(description = "Pass as `cursor` to get the changes after these; opaque.", examples = "1187",
                maxLength = 19, pattern = "^[0-9]+$") String nextCursor) {
}
