package dev.aitrainingdirectory.eligibility;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Eligibility rules as clients read and write them, embedded in platforms and listings. */
@Schema(name = "Eligibility", description = "Who may do the work. A contributor qualifies when they live in one of"
        + " `countries` (empty: worldwide) but not in `excludedCountries`, speak every one of `languages` and hold"
        + " every one of `credentials`.",
        requiredProperties = {"countries", "excludedCountries", "languages", "credentials"})
public record EligibilityRules(
        @Schema(ref = "CountryCodes",
                description = "ISO 3166-1 alpha-2 codes of the countries a contributor may live in; empty means worldwide.",
                examples = "[\"IN\", \"PH\"]")
        List<String> countries,
        @Schema(ref = "CountryCodes", description = "ISO 3166-1 alpha-2 codes of countries that are excluded; an exclusion always wins.",
                examples = "[\"US\"]")
        List<String> excludedCountries,
        @Schema(ref = "LanguageCodes", description = "ISO 639-1 codes of the languages a contributor must speak, every one of them.",
                examples = "[\"es\"]")
        List<String> languages,
        @Schema(ref = "Slugs", description = "Slugs of the credentials a contributor must hold, every one of them.",
                examples = "[\"law-degree\"]")
        List<String> credentials) {

    /** No restriction at all: worldwide, no language, no credential. */
    public static final EligibilityRules NONE = new EligibilityRules(List.of(), List.of(), List.of(), List.of());

    public EligibilityRules {
        // Absent lists mean "no rule"; elements are validated, not cleaned, so nulls stay visible to validation.
        countries = countries == null ? List.of() : countries;
        excludedCountries = excludedCountries == null ? List.of() : excludedCountries;
        languages = languages == null ? List.of() : languages;
        credentials = credentials == null ? List.of() : credentials;
    }

    /**
     * The rules a contributor must meet to qualify for both a platform and one of its listings: the
     * allowed countries are the intersection, exclusions, languages and credentials the union. When
     * both restrict countries and share none, the result allows the platform's countries and excludes
     * them all, so nobody qualifies (an empty {@code countries} would mean worldwide).
     */
    public static EligibilityRules effective(EligibilityRules platform, EligibilityRules listing) {
        List<String> countries;
        Set<String> excluded = union(platform.excludedCountries(), listing.excludedCountries());
        if (platform.countries().isEmpty()) {
            countries = List.copyOf(new TreeSet<>(listing.countries()));
        } else if (listing.countries().isEmpty()) {
            countries = List.copyOf(new TreeSet<>(platform.countries()));
        } else {
            Set<String> both = new TreeSet<>(platform.countries());
            both.retainAll(listing.countries());
            if (both.isEmpty()) {
                countries = List.copyOf(new TreeSet<>(platform.countries()));
                excluded.addAll(platform.countries());
            } else {
                countries = List.copyOf(both);
            }
        }
        return new EligibilityRules(countries, List.copyOf(excluded),
                List.copyOf(union(platform.languages(), listing.languages())),
                List.copyOf(union(platform.credentials(), listing.credentials())));
    }

    private static Set<String> union(Collection<String> first, Collection<String> second) {
        Set<String> union = new TreeSet<>(first);
        union.addAll(second);
        return union;
    }
}
