package dev.aitrainingdirectory.platform;

/** How often a platform pays out. */
public enum PayoutSchedule {
    WEEKLY,
    BI_WEEKLY,
    MONTHLY
}
