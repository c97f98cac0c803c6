package dev.aitrainingdirectory.listing;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of the listing feed: the search's filters and page. The feed is always newest
 * first; it takes {@code sort=-postedAt} so that a search URL in the default order works unchanged.
 */
public class ListingFeedParams extends ListingFilterParams {

    @QueryParam("sort")
    @Parameter(description = "The feed is always newest first (ties broken by id); only `-postedAt` is taken.",
            schema = @Schema(type = SchemaType.STRING, enumeration = "-postedAt", defaultValue = "-postedAt"))
    public List<String> sort;
}
