package dev.aitrainingdirectory.listing;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of the listing search: the shared filters and page, its order and its facets. */
public class ListingSearchParams extends ListingFilterParams {

    @QueryParam("sort")
    @Parameter(description = "The order of the results; ties are broken by id, so paging never repeats or skips a listing."
            + " `pay` and `-pay` order by hourly USD `pay.max`, listings without it last. `relevance` orders by how well"
            + " a listing matches `q` (BM25; a word in the title counts twice one in the description). The default is"
            + " `relevance` when `q` holds a word, else `-postedAt`.",
            schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"-postedAt", "postedAt", "-pay", "pay", "title", "-updatedAt", "relevance"}))
    public List<String> sort;

    @QueryParam("facets")
    @Parameter(description = "Facets to count (comma list): each counts the results over all other filters, leaving out its own."
            + " Values come largest count first, except `pay`: every hourly-USD band of the most a listing pays"
            + " (`0-15`, `15-25`, `25-40`, `40-60`, `60-100`, `100+`; a band holds its lower bound), in that order, zero"
            + " counts included, for a histogram; listings without hourly USD pay count in none.",
            explode = Explode.FALSE, schema = @Schema(type = SchemaType.ARRAY, maxItems = 7, implementation = ListingFacet.class),
            example = "[\"tier\", \"country\"]")
    public List<String> facets;
}
