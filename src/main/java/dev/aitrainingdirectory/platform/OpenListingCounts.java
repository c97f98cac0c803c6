package dev.aitrainingdirectory.platform;

import java.util.Map;

/** How many open listings each platform has, as the listing search counts them now. */
public interface OpenListingCounts {

    /** Per platform slug, its open listings; platforms without any are left out. */
    Map<String, Long> bySlug();
}
