package dev.aitrainingdirectory.persistence;

/**
 * The case folding of stored search text and of the words searched for: each code point lower-cased
 * on its own (Unicode's simple case mapping). Unlike {@link String#toLowerCase(java.util.Locale)}, it
 * never makes a text longer ("İ" stays one character instead of becoming "i" and a combining dot), so
 * the folded title and description always fit the column sized for the longest ones allowed.
 */
public final class SearchText {

    private SearchText() {
    }

    /** {@code text} lower-cased code point by code point: never longer than {@code text}. */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(folded::appendCodePoint);
        return folded.toString();
    }
}
