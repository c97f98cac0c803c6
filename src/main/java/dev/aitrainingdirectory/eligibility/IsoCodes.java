package dev.aitrainingdirectory.eligibility;

import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The ISO 3166-1 alpha-2 country codes and ISO 639-1 language codes the directory accepts, with
 * their English names, taken from the JDK's locale data.
 */
public final class IsoCodes {

    /** Withdrawn ISO 639-1 codes that the JDK still lists beside their replacements (he, id, yi). */
    private static final Set<String> WITHDRAWN_LANGUAGES = Set.of("iw", "in", "ji");
    private static final Pattern COUNTRY_SHAPE = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE_SHAPE = Pattern.compile("[a-z]{2}");

    private static final SortedMap<String, String> COUNTRIES = loadCountries();
    private static final SortedMap<String, String> LANGUAGES = loadLanguages();

    private IsoCodes() {
    }

    /** Every country code with its English name, ordered by code. */
    public static SortedMap<String, String> countries() {
        return COUNTRIES;
    }

    /** Every language code with its English name, ordered by code. */
    public static SortedMap<String, String> languages() {
        return LANGUAGES;
    }

    private static SortedMap<String, String> loadCountries() {
        SortedMap<String, String> names = new TreeMap<>();
        for (String code : Locale.getISOCountries()) {
            names.put(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
        return Collections.unmodifiableSortedMap(names);
    }

    private static SortedMap<String, String> loadLanguages() {
        SortedMap<String, String> names = new TreeMap<>();
        Arrays.stream(Locale.getISOLanguages())
                .filter(code -> !WITHDRAWN_LANGUAGES.contains(code))
                .forEach(code -> names.put(code, new Locale(code).getDisplayLanguage(Locale.ENGLISH)));
        return Collections.unmodifiableSortedMap(names);
    }

    /** Why {@code code} is not an assigned country code, or null when it is one. */
    public static String countryProblem(String code) {
        if (code == null || !COUNTRY_SHAPE.matcher(code).matches()) {
            return "must be an ISO 3166-1 alpha-2 country code in upper case, such as IN";
        }
        return COUNTRIES.containsKey(code) ? null : "'" + code + "' is not an assigned ISO 3166-1 alpha-2 country code";
    }

    /** Why {@code code} is not a language code, or null when it is one. */
    public static String languageProblem(String code) {
        if (code == null || !LANGUAGE_SHAPE.matcher(code).matches()) {
            return "must be an ISO 639-1 language code in lower case, such as es";
        }
        return LANGUAGES.containsKey(code) ? null : "'" + code + "' is not an ISO 639-1 language code";
    }
}
