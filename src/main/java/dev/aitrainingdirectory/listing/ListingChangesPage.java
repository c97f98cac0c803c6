package dev.aitrainingdirectory.listing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the changes feed and the cursor to ask for the next. */
@Schema(name = "ListingChangesPage", description = "Changes in commit order; follow `nextCursor` until `items` is empty.")
public record ListingChangesPage(
        List<ListingChange> items,
        @Schema(description = "Pass as `cursor` to get the changes after these; opaque.", examples = "1187") String nextCursor) {
}
