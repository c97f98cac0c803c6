package dev.aitrainingdirectory.support;

import java.util.List;
import java.util.Random;

/**
 * Values that break naive services: SQL and JSON meta-characters, Unicode that changes length or
 * case when normalised, control characters, huge strings and numbers beyond every type's range.
 * {@link #ENCODED} holds byte sequences no Java string can carry (lone surrogates, bytes that are not
 * UTF-8), already percent-encoded for a URL.
 */
public final class HostileValues {

    /** Text of every kind, each short enough to fit in a request line. */
    public static final List<String> TEXT = List.of(
            "", " ", "  \t ", "'", "''", "\"", "\\", "%", "_", "%_%", "--", ";", "' OR '1'='1", "1; DROP TABLE platform; --",
            "' UNION SELECT * FROM task_listing --", "\\'; --", "%' AND 1=1 --", "[]", "{}", "{\"a\":1}", "[1,2", "null", "true",
            "false", "0", "-1", "1e308", "-1e-308", "NaN", "Infinity", "0x1F", "1_000", "99999999999999999999999999", "-0",
            "1.5", "١٢٣", "+5", " 5 ", "İ", "ı", "ß", "ǅ", "ﬃ", "e\u0301", "\u0301", "\u200B", "\u200F", "\u202Eevil", "مرحبا",
            "עברית", "日本語", "😀", "👩‍👩‍👧‍👦", "🇮🇳", "\uFEFF", "\u0000", "a\u0000b", "\u0001\u001F\u007F", "\r\n", "\n",
            "\u2028", "<script>alert(1)</script>", "../../etc/passwd", "..", ".", "/", "a/b", "?", "#", "&", "=", ",", ",,,",
            "a,b,c", "+", "*", "$", "${jndi:ldap://x}", "#{1+1}", "{{7*7}}", "%00", "%2F", "%25", "\u00A0", "Ω", "ǈ",
            "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
            "2026-02-30T00:00:00Z", "2026-11-27", "2026-11-27T10:15:30", "2026-11-27T10:15:30+25:00", "yesterday",
            "OPEN", "open", "OpEn", "coding", "CODING", "IN", "in", "XX", "en", "EN", "zz");

    /** Percent-encoded bytes that are not text: lone surrogates (CESU-8), invalid and overlong UTF-8. */
    public static final List<String> ENCODED = List.of("%ED%A0%80", "%ED%B0%80", "a%ED%A0%80b", "%FF", "%FE%FF", "%C0%AF",
            "%C0%80", "%E2%82", "%F4%90%80%80", "%00", "%00%00", "a%00", "%0D%0A", "%7F");

    private HostileValues() {
    }

    public static String text(Random random) {
        return TEXT.get(random.nextInt(TEXT.size()));
    }

    /** A string of {@code length} characters made of {@code unit} repeated (cut to length when the unit is longer than one char). */
    public static String repeat(String unit, int length) {
        if (unit.isEmpty()) {
            return unit;
        }
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        text.setLength(length);
        return text.toString();
    }

    /** A huge string: 100 000 characters of one kind. */
    public static String huge(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> repeat("a", 100_000);
            case 1 -> repeat("'%_", 100_000);
            case 2 -> repeat("\u00e9", 100_000);
            default -> repeat("İ", 100_000);
        };
    }
}
