package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.params.ParameterReader;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads the changes feed: the latest change of each listing after a cursor, with the listing as it is now. */
@ApplicationScoped
public class ListingChanges {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    @Inject
    ListingChangeLog changeLog;

    public ListingChangesPage after(List<String> cursorParameter, List<String> limitParameter) {
        ParameterReader reader = new ParameterReader();
        String cursor = reader.single("cursor", cursorParameter);
        long afterSeq = 0;
        if (cursor != null) {
            if (cursor.matches("[0-9]{1,18}")) {
                afterSeq = Long.parseLong(cursor);
            } else {
                reader.reject("cursor", "is not a cursor this feed gave out");
            }
        }
        int limit = reader.integer("limit", limitParameter, DEFAULT_LIMIT, 1, MAX_LIMIT);
        reader.requireValid();
        List<ListingChangeLog.Entry> entries = changeLog.after(afterSeq, limit);
        Map<Long, TaskListing> listings = TaskListing.mapByIds(entries.stream()
                .filter(entry -> !entry.deleted()).map(ListingChangeLog.Entry::listingId).toList());
        Instant now = TimestampedEntity.now();
        List<ListingChange> items = entries.stream().map(entry -> {
            TaskListing listing = entry.deleted() ? null : listings.get(entry.listingId());
            // A listing deleted since this entry was read: its tombstone follows later in the feed.
            return listing == null ? new ListingChange(entry.listingId(), true, null)
                    : new ListingChange(entry.listingId(), false, ListingResponse.of(listing, now));
        }).toList();
        long next = entries.isEmpty() ? afterSeq : entries.get(entries.size() - 1).seq();
        return new ListingChangesPage(items, Long.toString(next));
    }
}
