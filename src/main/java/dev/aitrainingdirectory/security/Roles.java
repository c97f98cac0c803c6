package dev.aitrainingdirectory.security;

/** The roles an API key can carry. */
public final class Roles {

    /** May create, change and delete everything in the directory. */
    public static final String CURATOR = "curator";

    /** A partner site: reads with a higher rate limit, never writes. */
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
