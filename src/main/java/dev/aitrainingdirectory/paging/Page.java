package dev.aitrainingdirectory.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection, with the totals a client needs to page through all of it. */
public record Page<T>(
        @Schema(description = "The entries on this page.") List<T> items,
        @Schema(description = "This page's number, from 0.", examples = "0") int page,
        @Schema(description = "The page size asked for.", examples = "20") int size,
        @Schema(description = "Entries in the whole result.", examples = "57") long totalItems,
        @Schema(description = "Pages in the whole result at this size.", examples = "3") long totalPages,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Counts per filter value, for the facets asked for; absent when none was.")
        Map<String, List<FacetValue>> facets) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems, Map<String, List<FacetValue>> facets) {
        long totalPages = (totalItems + request.size() - 1) / request.size();
        return new Page<>(items, request.page(), request.size(), totalItems, totalPages, facets);
    }
}
