package dev.aitrainingdirectory.persistence;

import java.util.regex.Pattern;

/** Slugs, the names of platforms, tiers and credentials in URLs: lower-case letters and digits joined by hyphens. */
public final class Slugs {

    /** The longest slug a column holds. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    /** Whether {@code value} is a slug, at most {@link #MAX_LENGTH} characters long. */
    public static boolean isSlug(String value) {
        return value.length() <= MAX_LENGTH && SLUG.matcher(value).matches();
    }
}
