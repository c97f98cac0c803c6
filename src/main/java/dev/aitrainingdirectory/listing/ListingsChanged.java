package dev.aitrainingdirectory.listing;

/**
 * Listings were changed in the current transaction, up to the change log's {@code seq}. Observed after the
 * commit by what must act on changes soon (the webhook dispatcher), rather than at its next poll.
 */
public record ListingsChanged(long seq) {
}
