package dev.aitrainingdirectory.platform;

/** Whom a platform is for. */
public enum Audience {
    GENERALIST,
    SPECIALIST,
    CREDENTIALED
}
