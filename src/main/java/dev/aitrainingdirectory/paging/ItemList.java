package dev.aitrainingdirectory.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short reference list, answered whole rather than paged. */
public record ItemList<T>(@Schema(description = "Every entry.", required = true, maxItems = ItemList.MAX_ITEMS) List<T> items) {

    /** More entries than any reference list has: 249 countries, 184 languages, a handful of pay tiers. */
    public static final int MAX_ITEMS = 1000;
}
