package dev.aitrainingdirectory.listing;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The query parameters of the listing search: the shared filters and page, its order and its facets. */
public class ListingSearchParams extends ListingFilterParams {

    @QueryParam("sort")
    @Parameter(description = "The order of the results; ties are broken by id, so paging never repeats or skips a listing."
            + " `pay` and `-pay` order by hourly USD `pay.max`, listings without it last.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"-postedAt", "postedAt", "-pay", "pay", "title", "-updatedAt"},
                    defaultValue = "-postedAt"))
    public List<String> sort;

    @QueryParam("facets")
    @Parameter(description = "Facets to count (comma list): each counts the results over all other filters, leaving out its own.",
            explode = Explode.FALSE, schema = @Schema(type = SchemaType.ARRAY, maxItems = 6, implementation = ListingFacet.class),
            example = "[\"tier\", \"country\"]")
    public List<String> facets;
}
