package dev.aitrainingdirectory.listing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The orders a listing search can be sorted in; every one ends with the id, so paging is stable. */
public enum ListingSort {
    NEWEST("-postedAt", "l.posted_at desc, l.id"),
    OLDEST("postedAt", "l.posted_at, l.id"),
    BEST_PAID("-pay", "l.hourly_usd_max desc nulls last, l.id"),
    LEAST_PAID("pay", "l.hourly_usd_max nulls last, l.id"),
    TITLE("title", "l.title_sort_key, l.id"),
    RECENTLY_UPDATED("-updatedAt", "l.updated_at desc, l.id");

    private final String parameterValue;
    private final String orderBy;

    ListingSort(String parameterValue, String orderBy) {
        this.parameterValue = parameterValue;
        this.orderBy = orderBy;
    }

    /** The value of the {@code sort} parameter that asks for this order. */
    public String parameterValue() {
        return parameterValue;
    }

    /** The SQL ORDER BY list over {@code task_listing l}. */
    public String orderBy() {
        return orderBy;
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
