package dev.aitrainingdirectory.listing;

/** Whether a listing takes contributors; an OPEN or PAUSED listing past its expiresAt reads as CLOSED. */
public enum ListingStatus {
    OPEN,
    PAUSED,
    CLOSED
}
