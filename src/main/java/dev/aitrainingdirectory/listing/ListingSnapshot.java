package dev.aitrainingdirectory.listing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aitrainingdirectory.eligibility.IsoCodes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every listing's searchable facts at one point of the change log, held column by column in
 * primitive arrays: what {@link ListingIndex} searches instead of the database. A search is one pass
 * over the columns that finds the matches, their total and every facet count at once, then a walk
 * along a precomputed order for the page. Listings are numbered by ascending id (their "ordinal");
 * eligibility rules are shared: each distinct set of effective rules is held once, and a filter on
 * rules is decided once per set, not once per listing.
 *
 * <p>Immutable once built: searches on many threads read it without locks, and a newer snapshot
 * replaces it whole.
 */
final class ListingSnapshot {

    /** The effective eligibility rules that some listings share; {@code countries} empty means worldwide. */
    record RuleSet(Set<String> countries, Set<String> excludedCountries, Set<String> languages, Set<String> credentials) {

        static final RuleSet NONE = new RuleSet(Set.of(), Set.of(), Set.of(), Set.of());

        boolean allowsCountry(String country) {
            return !excludedCountries.contains(country) && (countries.isEmpty() || countries.contains(country));
        }
    }

    /** What a search found: how many match, the ids of the page asked for, and the raw facet counts. */
    record Found(long total, List<Long> ids, Map<ListingFacet, Map<String, Long>> facetCounts) {
    }

    /** Stored for listings without known pay. */
    static final long NO_PAY = Long.MIN_VALUE;
    /** Stored for listings without an expiry. */
    static final long NEVER = Long.MAX_VALUE;

    // One bit per filter: a listing's failures are OR-ed into a mask.
    private static final int WORDS = 1;
    private static final int COUNTRY = 1 << 1;
    private static final int SPEAKS = 1 << 2;
    private static final int HOLDS = 1 << 3;
    private static final int LANGUAGE = 1 << 4;
    private static final int PLATFORM = 1 << 5;
    private static final int TIER = 1 << 6;
    private static final int TASK_TYPE = 1 << 7;
    private static final int STATUS = 1 << 8;
    private static final int PAY = 1 << 9;
    private static final int POSTED = 1 << 10;
    private static final int UPDATED = 1 << 11;

    private static final TaskType[] TASK_TYPES = TaskType.values();
    private static final ListingStatus[] STATUSES = ListingStatus.values();
    private static final String[] TASK_TYPE_NAMES = Arrays.stream(TASK_TYPES).map(Enum::name).toArray(String[]::new);
    private static final String[] STATUS_NAMES = Arrays.stream(STATUSES).map(Enum::name).toArray(String[]::new);
    private static final int CLOSED = ListingStatus.CLOSED.ordinal();

    /** The change log's sequence number this snapshot reflects. */
    final long seq;
    final long[] ids;
    private final int[] platform;
    private final long[] platformIds;
    private final String[] platformSlugs;
    private final int[] tier;
    private final long[] tierIds;
    private final String[] tierSlugs;
    private final byte[] taskType;
    private final byte[] status;
    private final long[] expiresAt;
    private final long[] postedAt;
    private final long[] updatedAt;
    private final long[] hourlyMin;
    private final long[] hourlyMax;
    private final int[] ruleSet;
    private final RuleSet[] ruleSets;
    /** Per {@link ListingSort}, by its ordinal: every listing's ordinal, in that order. */
    private final int[][] orders;
    /** Every listing's status as clients see it, for a span of time in which no listing expires. */
    private volatile Statuses statuses;
    /**
     * Per word of a text search, the ordinals whose text holds it, as the database found them while this
     * snapshot was current: exact for as long as the snapshot is used, and gone with it.
     */
    private final Cache<String, BitSet> wordMatches = Caffeine.newBuilder()
            .maximumWeight(WORD_MATCH_BYTES)
            .weigher((String word, BitSet matches) -> matches.size() / 8 + 2 * word.length() + 64)
            .build();

    /** The memory the kept word matches may take: 16 MiB, over a thousand words at 100k listings. */
    private static final long WORD_MATCH_BYTES = 16L << 20;

    ListingSnapshot(long seq, long[] ids, int[] platform, long[] platformIds, String[] platformSlugs, int[] tier, long[] tierIds,
            String[] tierSlugs, byte[] taskType, byte[] status, long[] expiresAt, long[] postedAt, long[] updatedAt, long[] hourlyMin, long[] hourlyMax,
            int[] ruleSet, RuleSet[] ruleSets, int[][] orders) {
        this.seq = seq;
        this.ids = ids;
        this.platform = platform;
        this.platformIds = platformIds;
        this.platformSlugs = platformSlugs;
        this.tier = tier;
        this.tierIds = tierIds;
        this.tierSlugs = tierSlugs;
        this.taskType = taskType;
        this.status = status;
        this.expiresAt = expiresAt;
        this.postedAt = postedAt;
        this.updatedAt = updatedAt;
        this.hourlyMin = hourlyMin;
        this.hourlyMax = hourlyMax;
        this.ruleSet = ruleSet;
        this.ruleSets = ruleSets;
        this.orders = orders;
    }

    int size() {
        return ids.length;
    }

    /**
     * Effective statuses (as {@link ListingStatus} ordinals) that hold from {@code from} until just before
     * {@code until} (epoch microseconds): a listing that is not CLOSED reads as CLOSED from its expiry on,
     * so they change only when some listing's expiry is reached.
     */
    private record Statuses(byte[] effective, long from, long until) {
    }

    /** The effective statuses at {@code nowMicros}: those worked out last, unless a listing has expired since. */
    private byte[] statusesAt(long nowMicros) {
        Statuses known = statuses;
        if (known != null && known.from() <= nowMicros && nowMicros < known.until()) {
            return known.effective();
        }
        byte[] effective = new byte[ids.length];
        long until = NEVER;
        for (int i = 0; i < ids.length; i++) {
            boolean expired = status[i] != CLOSED && expiresAt[i] <= nowMicros;
            effective[i] = expired ? (byte) CLOSED : status[i];
            if (status[i] != CLOSED && expiresAt[i] > nowMicros) {
                until = Math.min(until, expiresAt[i]);
            }
        }
        statuses = new Statuses(effective, nowMicros, until);
        return effective;
    }

    int ruleSetCount() {
        return ruleSets.length;
    }

    /**
     * The ordinals of the listings whose text holds {@code word}: kept from an earlier search, or found by
     * {@code ids} (the ids of the matching listings, read from the database) and kept. Concurrent searches
     * for one new word read it once.
     */
    BitSet wordMatches(String word, Function<String, List<Long>> ids) {
        return wordMatches.get(word, missing -> {
            BitSet matches = new BitSet(this.ids.length);
            for (long id : ids.apply(missing)) {
                int ordinal = ordinalOf(id);
                if (ordinal >= 0) {
                    matches.set(ordinal);
                }
            }
            return matches;
        });
    }

    /** The ordinal of the listing with this id, or -1 when the snapshot does not hold it. */
    int ordinalOf(long id) {
        int ordinal = Arrays.binarySearch(ids, id);
        return ordinal < 0 ? -1 : ordinal;
    }

    /**
     * Searches with the same meaning as the SQL of {@link ListingCriteria#toSql}: {@code wordMatches}
     * holds the ordinals whose text contains every word (null when the search has no words; see
     * {@link #wordMatches(String, Function)}). Facets are
     * disjunctive: each is counted with every filter but its own, so one pass counts a listing that
     * fails only facet F's filter into F alone. Counts are keyed as the API shows them: platforms and
     * tiers by slug, task types and statuses by name, countries and languages by code.
     */
    Found search(ListingCriteria criteria, ListingSort sort, long offset, int size, Set<ListingFacet> facets, Instant now,
            BitSet wordMatches) {
        int[] ruleFailures = ruleFailures(criteria);
        boolean[] platformAllowed = allowedIds(criteria.platformIds(), platformIds);
        boolean[] tierAllowed = allowedIds(criteria.tierIds(), tierIds);
        boolean[] taskTypeAllowed = allowedTaskTypes(criteria.taskTypes());
        boolean[] statusAllowed = allowedStatuses(criteria.statuses());
        long minPayCents = criteria.minPay() == null ? NO_PAY : cents(criteria.minPay(), RoundingMode.CEILING);
        long maxPayCents = criteria.maxPay() == null ? NO_PAY : cents(criteria.maxPay(), RoundingMode.FLOOR);
        boolean payFiltered = criteria.minPay() != null || criteria.maxPay() != null;
        boolean includeUnknownPay = criteria.includeUnknownPay();
        long postedAfter = criteria.postedAfter() == null ? NO_PAY : micros(criteria.postedAfter());
        long updatedAfter = criteria.updatedAfter() == null ? NO_PAY : micros(criteria.updatedAfter());
        long nowMicros = micros(now);

        int facetBits = 0;
        for (ListingFacet facet : facets) {
            facetBits |= bitOf(facet);
        }
        boolean countPlatforms = facets.contains(ListingFacet.PLATFORM);
        boolean countTiers = facets.contains(ListingFacet.TIER);
        boolean countTaskTypes = facets.contains(ListingFacet.TASK_TYPE);
        boolean countStatuses = facets.contains(ListingFacet.STATUS);
        boolean countCountries = facets.contains(ListingFacet.COUNTRY);
        boolean countLanguages = facets.contains(ListingFacet.LANGUAGE);
        long[] byPlatform = new long[countPlatforms ? platformIds.length : 0];
        long[] byTier = new long[countTiers ? tierIds.length : 0];
        long[] byTaskType = new long[TASK_TYPES.length];
        long[] byStatus = new long[STATUSES.length];
        long[] countryByRuleSet = new long[countCountries ? ruleSets.length : 0];
        long[] languageByRuleSet = new long[countLanguages ? ruleSets.length : 0];

        byte[] effectiveStatuses = statusesAt(nowMicros);
        BitSet matches = new BitSet(ids.length);
        long total = 0;
        if (facets.isEmpty()) {
            // Without facets only full matches count: each listing stops at the first filter it fails.
            for (int i = 0; i < ids.length; i++) {
                if (ruleFailures[ruleSet[i]] != 0
                        || (statusAllowed != null && !statusAllowed[effectiveStatuses[i]])
                        || (wordMatches != null && !wordMatches.get(i))
                        || (platformAllowed != null && !platformAllowed[platform[i]])
                        || (tierAllowed != null && !tierAllowed[tier[i]])
                        || (taskTypeAllowed != null && !taskTypeAllowed[taskType[i]])
                        || (payFiltered && !payMatches(i, minPayCents, maxPayCents, includeUnknownPay))
                        || (postedAfter != NO_PAY && postedAt[i] <= postedAfter)
                        || (updatedAfter != NO_PAY && updatedAt[i] <= updatedAfter)) {
                    continue;
                }
                matches.set(i);
                total++;
            }
        }
        for (int i = 0; i < ids.length && !facets.isEmpty(); i++) {
            int rules = ruleSet[i];
            int failed = ruleFailures[rules];
            if (wordMatches != null && !wordMatches.get(i)) {
                failed |= WORDS;
            }
            if (platformAllowed != null && !platformAllowed[platform[i]]) {
                failed |= PLATFORM;
            }
            if (tierAllowed != null && !tierAllowed[tier[i]]) {
                failed |= TIER;
            }
            if (taskTypeAllowed != null && !taskTypeAllowed[taskType[i]]) {
                failed |= TASK_TYPE;
            }
            int effectiveStatus = effectiveStatuses[i];
            if (statusAllowed != null && !statusAllowed[effectiveStatus]) {
                failed |= STATUS;
            }
            if (payFiltered && !payMatches(i, minPayCents, maxPayCents, includeUnknownPay)) {
                failed |= PAY;
            }
            if (postedAfter != NO_PAY && postedAt[i] <= postedAfter) {
                failed |= POSTED;
            }
            if (updatedAfter != NO_PAY && updatedAt[i] <= updatedAfter) {
                failed |= UPDATED;
            }
            int countIn;
            if (failed == 0) {
                matches.set(i);
                total++;
                countIn = facetBits;
            } else if ((failed & (failed - 1)) == 0) {
                countIn = failed & facetBits; // failed one filter only: counts for that filter's facet, if asked
            } else {
                continue;
            }
            if (countIn == 0) {
                continue;
            }
            if (countPlatforms && (countIn & PLATFORM) != 0) {
                byPlatform[platform[i]]++;
            }
            if (countTiers && (countIn & TIER) != 0) {
                byTier[tier[i]]++;
            }
            if (countTaskTypes && (countIn & TASK_TYPE) != 0) {
                byTaskType[taskType[i]]++;
            }
            if (countStatuses && (countIn & STATUS) != 0) {
                byStatus[effectiveStatus]++;
            }
            if (countCountries && (countIn & COUNTRY) != 0) {
                countryByRuleSet[rules]++;
            }
            if (countLanguages && (countIn & LANGUAGE) != 0) {
                languageByRuleSet[rules]++;
            }
        }

        List<Long> page = new ArrayList<>(size);
        if (offset < total) {
            long skipped = 0;
            for (int ordinal : orders[sort.ordinal()]) {
                if (matches.get(ordinal)) {
                    if (skipped++ >= offset) {
                        page.add(ids[ordinal]);
                        if (page.size() == size) {
                            break;
                        }
                    }
                }
            }
        }

        Map<ListingFacet, Map<String, Long>> counts = new EnumMap<>(ListingFacet.class);
        for (ListingFacet facet : facets) {
            counts.put(facet, switch (facet) {
                case PLATFORM -> byName(byPlatform, platformSlugs);
                case TIER -> byName(byTier, tierSlugs);
                case TASK_TYPE -> byName(byTaskType, TASK_TYPE_NAMES);
                case STATUS -> byName(byStatus, STATUS_NAMES);
                case COUNTRY -> countries(countryByRuleSet);
                case LANGUAGE -> languages(languageByRuleSet);
            });
        }
        return new Found(total, page, counts);
    }

    private boolean payMatches(int i, long minPayCents, long maxPayCents, boolean includeUnknownPay) {
        if (hourlyMax[i] == NO_PAY) {
            return includeUnknownPay;
        }
        return (minPayCents == NO_PAY || (hourlyMax[i] >= minPayCents))
                && (maxPayCents == NO_PAY || (hourlyMin[i] != NO_PAY && hourlyMin[i] <= maxPayCents));
    }

    /** Per rule set, the eligibility filters it fails, decided once for all the listings that share it. */
    private int[] ruleFailures(ListingCriteria criteria) {
        int[] failures = new int[ruleSets.length];
        for (int index = 0; index < ruleSets.length; index++) {
            RuleSet rules = ruleSets[index];
            int failed = 0;
            if (criteria.country() != null && !rules.allowsCountry(criteria.country())) {
                failed |= COUNTRY;
            }
            if (!criteria.speaks().isEmpty() && !criteria.speaks().containsAll(rules.languages())) {
                failed |= SPEAKS;
            }
            if (!criteria.holds().isEmpty() && !criteria.holds().containsAll(rules.credentials())) {
                failed |= HOLDS;
            }
            if (!criteria.languages().isEmpty() && rules.languages().stream().noneMatch(criteria.languages()::contains)) {
                failed |= LANGUAGE;
            }
            failures[index] = failed;
        }
        return failures;
    }

    private static boolean[] allowedIds(Set<Long> wanted, long[] known) {
        if (wanted.isEmpty()) {
            return null;
        }
        boolean[] allowed = new boolean[known.length];
        for (int index = 0; index < known.length; index++) {
            allowed[index] = wanted.contains(known[index]);
        }
        return allowed;
    }

    private static boolean[] allowedTaskTypes(Set<TaskType> wanted) {
        if (wanted.isEmpty()) {
            return null;
        }
        boolean[] allowed = new boolean[TASK_TYPES.length];
        wanted.forEach(type -> allowed[type.ordinal()] = true);
        return allowed;
    }

    /** As {@link ListingCriteria}'s status condition: none, or all three, filter nothing. */
    private static boolean[] allowedStatuses(Set<ListingStatus> wanted) {
        if (wanted.isEmpty() || wanted.size() == STATUSES.length) {
            return null;
        }
        boolean[] allowed = new boolean[STATUSES.length];
        wanted.forEach(status -> allowed[status.ordinal()] = true);
        return allowed;
    }

    private static int bitOf(ListingFacet facet) {
        return switch (facet) {
            case PLATFORM -> PLATFORM;
            case TIER -> TIER;
            case TASK_TYPE -> TASK_TYPE;
            case COUNTRY -> COUNTRY;
            case LANGUAGE -> LANGUAGE;
            case STATUS -> STATUS;
        };
    }

    private static Map<String, Long> byName(long[] counts, String[] names) {
        Map<String, Long> byName = new HashMap<>();
        for (int index = 0; index < counts.length; index++) {
            if (counts[index] > 0) {
                byName.put(names[index], counts[index]);
            }
        }
        return byName;
    }

    /**
     * Per country code, the listings whose rules let someone living there apply. Listings of rule sets that
     * name no country count for every country (kept as one total, less their exclusions).
     */
    private Map<String, Long> countries(long[] byRuleSet) {
        long worldwide = 0;
        Map<String, Long> adjustments = new HashMap<>();
        for (int index = 0; index < byRuleSet.length; index++) {
            long count = byRuleSet[index];
            if (count == 0) {
                continue;
            }
            RuleSet rules = ruleSets[index];
            if (rules.countries().isEmpty()) {
                worldwide += count;
                rules.excludedCountries().forEach(code -> adjustments.merge(code, -count, Long::sum));
            } else {
                rules.countries().stream().filter(code -> !rules.excludedCountries().contains(code))
                        .forEach(code -> adjustments.merge(code, count, Long::sum));
            }
        }
        long everywhere = worldwide;
        Map<String, Long> byCountry = new HashMap<>();
        if (everywhere > 0) {
            for (String code : IsoCodes.countries().keySet()) {
                byCountry.put(code, everywhere);
            }
        }
        adjustments.forEach((code, change) -> byCountry.merge(code, everywhere + change, (kept, added) -> kept + change));
        byCountry.values().removeIf(count -> count <= 0);
        return byCountry;
    }

    private Map<String, Long> languages(long[] byRuleSet) {
        Map<String, Long> byLanguage = new HashMap<>();
        for (int index = 0; index < byRuleSet.length; index++) {
            long count = byRuleSet[index];
            if (count > 0) {
                ruleSets[index].languages().forEach(code -> byLanguage.merge(code, count, Long::sum));
            }
        }
        return byLanguage;
    }

    /** An amount in whole cents, rounded as given (amounts are stored with two decimals). */
    static long cents(BigDecimal amount, RoundingMode rounding) {
        return amount.movePointRight(2).setScale(0, rounding).longValueExact();
    }

    /**
     * Microseconds since the epoch, rounded down: the precision timestamps are stored with. Computed from
     * seconds and nanoseconds (always positive), because {@code ChronoUnit.MICROS.between} goes through
     * nanoseconds, which overflow a long beyond 292 years from 1970, well inside the years 0001 to 9999
     * a search accepts.
     */
    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
