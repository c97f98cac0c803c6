package dev.aitrainingdirectory.listing;

/**
 * What a listing write did, as webhooks announce it: a listing created, changed, closed (its status became CLOSED)
 * or deleted. Every change of a listing is one of these, recorded with its change log entry.
 */
public enum ListingEvent {
    CREATED("listing.created"),
    UPDATED("listing.updated"),
    CLOSED("listing.closed"),
    DELETED("listing.deleted");

    private final String type;

    ListingEvent(String type) {
        this.type = type;
    }

    /** The event's name in a webhook's subscription and payload: {@code listing.created}. */
    public String type() {
        return type;
    }

    /** What writing {@code listing} did: created it (never loaded), closed it (it was not CLOSED when loaded), or changed it. */
    static ListingEvent of(TaskListing listing) {
        if (listing.loadedStatus == null) {
            return CREATED;
        }
        return listing.status == ListingStatus.CLOSED && listing.loadedStatus != ListingStatus.CLOSED ? CLOSED : UPDATED;
    }
}
