package dev.aitrainingdirectory.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sort orders that are the same on H2 and PostgreSQL. Text columns are compared by each database's
 * collation: H2 by UTF-16 code unit, PostgreSQL by the collation the database was created with
 * (en_US, for one, ignores punctuation and sorts "é" next to "e"), and their {@code lower()} folds
 * case differently. Binary values are compared byte by byte on both, so text is sorted by a binary key
 * computed in Java: the order is then the code point order of the lower-cased text everywhere.
 */
public final class SortKey {

    private SortKey() {
    }

    /** The key of {@code text}: lower-cased like the search text, as UTF-8 bytes. */
    public static byte[] of(String text) {
        return text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The SQL that orders by a slug column byte by byte. Slugs are ASCII letters, digits and hyphens
     * (validated on write), so the cast gives their UTF-8 bytes on both databases; no collation applies.
     */
    public static String slugOrder(String column) {
        return "cast(" + column + " as bytea)";
    }
}
