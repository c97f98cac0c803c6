package dev.aitrainingdirectory.platform;

/** Whether a platform takes new contributors on: being allowed to apply is not being taken on. */
public enum HiringStatus {
    /** Applications are reviewed and contributors onboarded. */
    OPEN,
    /** Applications are accepted, but applicants wait without a date. */
    WAITLIST,
    /** No one new is taken on for now. */
    PAUSED
}
