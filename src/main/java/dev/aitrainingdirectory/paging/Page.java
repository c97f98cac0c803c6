package dev.aitrainingdirectory.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection, with the totals a client needs to page through all of it. */
public record Page<T>(
        @Schema(description = "The entries on this page.", required = true, maxItems = PageRequest.MAX_SIZE) List<T> items,
        @Schema(description = "This page's number, from 0.", required = true, examples = "0", minimum = "0",
                maximum = "21474836") int page,
        @Schema(description = "The page size asked for.", required = true, examples = "20", minimum = "1", maximum = "100") int size,
        @Schema(description = "Entries in the whole result.", required = true, examples = "57", minimum = "0",
                maximum = "9223372036854775807") long totalItems,
        @Schema(description = "Pages in the whole result at this size.", required = true, examples = "3", minimum = "0",
                maximum = "9223372036854775807") long totalPages,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(ref = "FacetCounts", description = "Counts per filter value, for the facets asked for; absent when none was.")
        Map<String, List<FacetValue>> facets) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems, Map<String, List<FacetValue>> facets) {
        long totalPages = (totalItems + request.size() - 1) / request.size();
        return new Page<>(items, request.page(), request.size(), totalItems, totalPages, facets);
    }

    /** The requested page of a database query, each row as {@code answer} shows it, with the query's total; no facets. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<? super E, T> answer) {
        List<T> items = query.page(request.page(), request.size()).list().stream().<T>map(answer).toList();
        return of(items, request, query.count(), null);
    }
}
