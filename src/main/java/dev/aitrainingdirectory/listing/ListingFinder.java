package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.paging.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Finds listings: the search engine, as the listing endpoints use it. */
public interface ListingFinder {

    /** A page of listings, with its total and facets, and the time until which the same search finds the same. */
    record Found(Page<ListingResponse> page, Instant stableUntil) {
    }

    /** Searches a copy of the listings that holds at least the change log's {@code head}. */
    Found search(ListingSearch.Request request, long head);

    /**
     * Of the listings with these ids, those that {@code criteria} finds (null: every one), by id, as the API shows them
     * now, in a copy that holds at least {@code head}. A listing that no longer exists is absent.
     */
    Map<Long, ListingResponse> matching(ListingCriteria criteria, Collection<Long> ids, long head);

    /** At most {@code limit} completions of {@code text} among open listings, at least at {@code head}. */
    List<ListingSuggestion> suggest(String text, int limit, long head);
}
