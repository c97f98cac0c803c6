package dev.aitrainingdirectory.listing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orders a listing search can be sorted in; every one ends with the id, so paging is stable. Pay
 * orders by the most a listing pays an hour, listings without hourly pay last either way; title by
 * the code points of the lower-cased title; relevance by BM25 on {@code q}.
 */
public enum ListingSort {
    NEWEST("-postedAt"),
    OLDEST("postedAt"),
    BEST_PAID("-pay"),
    LEAST_PAID("pay"),
    TITLE("title"),
    RECENTLY_UPDATED("-updatedAt"),
    RELEVANCE("relevance");

    private final String parameterValue;

    ListingSort(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    /** The value of the {@code sort} parameter that asks for this order. */
    public String parameterValue() {
        return parameterValue;
    }

    /** Every order by the value the {@code sort} parameter takes. */
    public static Map<String, ListingSort> byParameterValue() {
        Map<String, ListingSort> byValue = new LinkedHashMap<>();
        for (ListingSort sort : values()) {
            byValue.put(sort.parameterValue, sort);
        }
        return byValue;
    }
}
