package dev.aitrainingdirectory.listing;

/** What one unit of pay buys: an hour of tracked work or one task. */
public enum PayUnit {
    HOUR,
    TASK
}
