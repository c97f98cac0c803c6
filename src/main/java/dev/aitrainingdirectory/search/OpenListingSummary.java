package dev.aitrainingdirectory.search;

import dev.aitrainingdirectory.eligibility.IsoCodes;
import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.paytier.ObservedPay;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * The figures over all open listings that other resources show, counted in one pass over the index
 * and kept while they hold (same sequence number, no expiry reached): each platform's open listings
 * and name, each tier's observed hourly USD pay, and each country's and language's open work with the
 * platforms it is on. Also every listing by the status clients see, for the metrics.
 */
record OpenListingSummary(long seq, Instant countedAt, Instant stableUntil, Map<String, Long> openByPlatform,
        Map<String, String> platformNames, Map<String, ObservedPay> observedByTier, Map<String, ListingSearchEngine.CodeCount> countries,
        Map<String, ListingSearchEngine.CodeCount> languages, Map<ListingStatus, Long> statuses) {

    private static final ObservedPay NONE = new ObservedPay(0, null, null, null);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    ObservedPay observed(String tierSlug) {
        return observedByTier.getOrDefault(tierSlug, NONE);
    }

    static OpenListingSummary count(IndexSearcher searcher, long seq, Instant now, Instant stableUntil) throws IOException {
        Counts counts = new Counts(ListingFields.micros(now));
        visit(searcher, ListingQueries.open(now), counts::open);
        visit(searcher, new MatchAllDocsQuery(), counts::any);
        return new OpenListingSummary(seq, now, stableUntil, Map.copyOf(counts.openByPlatform), Map.copyOf(counts.platformNames),
                counts.observed(), counts.countries(), counts.languages(), counts.statuses);
    }

    /** Something done with each listing of a segment that a query finds. */
    @FunctionalInterface
    private interface Visitor {
        LeafCollector leaf(LeafReader reader) throws IOException;
    }

    /**
     * Calls {@code visitor} for every segment and listing {@code query} finds. The searcher has no executor,
     * so the segments are visited one after the other on this thread and the visitor may share its state.
     */
    private static void visit(IndexSearcher searcher, Query query, Visitor visitor) throws IOException {
        searcher.search(query, new CollectorManager<Collector, Void>() {
            @Override
            public Collector newCollector() {
                return new Collector() {
                    @Override
                    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                        return visitor.leaf(context.reader());
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                    }
                };
            }

            @Override
            public Void reduce(Collection<Collector> collectors) {
                return null;
            }
        });
    }

    /** The counts as the pass goes. */
    private static final class Counts {
        private final long nowMicros;
        final Map<String, Long> openByPlatform = new HashMap<>();
        final Map<String, String> platformNames = new HashMap<>();
        final Map<ListingStatus, Long> statuses = new EnumMap<>(ListingStatus.class);
        private final Map<String, Tier> tiers = new HashMap<>();
        /** Per platform: its worldwide listings, and per country the listings added (listed) or taken (excluded). */
        private final Map<String, Long> worldwideByPlatform = new HashMap<>();
        private final Map<String, Map<String, Long>> countryAdjustments = new HashMap<>();
        private final Map<String, Map<String, Long>> languagesByPlatform = new HashMap<>();

        Counts(long nowMicros) {
            this.nowMicros = nowMicros;
            for (ListingStatus status : ListingStatus.values()) {
                statuses.put(status, 0L);
            }
        }

        LeafCollector any(LeafReader reader) throws IOException {
            FacetCounter.Leaf leaf = new FacetCounter(nowMicros, null).leaf(reader);
            return new Visit() {
                @Override
                public void collect(int doc) throws IOException {
                    statuses.merge(leaf.effectiveStatus(doc), 1L, Long::sum);
                }
            };
        }

        LeafCollector open(LeafReader reader) throws IOException {
            SortedSetDocValues platform = DocValues.getSortedSet(reader, ListingFields.PLATFORM);
            SortedDocValues platformName = DocValues.getSorted(reader, ListingFields.PLATFORM_NAME);
            SortedSetDocValues tier = DocValues.getSortedSet(reader, ListingFields.TIER);
            NumericDocValues hourlyMin = FacetCounter.singleValued(DocValues.getSortedNumeric(reader, ListingFields.HOURLY_MIN));
            NumericDocValues hourlyMax = FacetCounter.singleValued(DocValues.getSortedNumeric(reader, ListingFields.HOURLY_MAX));
            SortedSetDocValues worldwide = DocValues.getSortedSet(reader, ListingFields.WORLDWIDE);
            SortedSetDocValues country = DocValues.getSortedSet(reader, ListingFields.COUNTRY);
            SortedSetDocValues excluded = DocValues.getSortedSet(reader, ListingFields.EXCLUDED_COUNTRY);
            SortedSetDocValues language = DocValues.getSortedSet(reader, ListingFields.LANGUAGE);
            return new Visit() {
                @Override
                public void collect(int doc) throws IOException {
                    String slug = platform.advanceExact(doc) ? platform.lookupOrd(platform.nextOrd()).utf8ToString() : "";
                    openByPlatform.merge(slug, 1L, Long::sum);
                    if (!platformNames.containsKey(slug) && platformName.advanceExact(doc)) {
                        platformNames.put(slug, platformName.lookupOrd(platformName.ordValue()).utf8ToString());
                    }
                    if (tier.advanceExact(doc) && hourlyMax.advanceExact(doc)) {
                        Tier pay = tiers.computeIfAbsent(tier.lookupOrd(tier.nextOrd()).utf8ToString(), name -> new Tier());
                        pay.add(hourlyMin.advanceExact(doc) ? hourlyMin.longValue() : null, hourlyMax.longValue());
                    }
                    List<String> exclusions = codes(excluded, doc);
                    if (worldwide.advanceExact(doc)) {
                        worldwideByPlatform.merge(slug, 1L, Long::sum);
                        Map<String, Long> adjustments = countryAdjustments.computeIfAbsent(slug, any -> new HashMap<>());
                        exclusions.forEach(code -> adjustments.merge(code, -1L, Long::sum));
                    } else {
                        Map<String, Long> adjustments = countryAdjustments.computeIfAbsent(slug, any -> new HashMap<>());
                        codes(country, doc).stream().filter(code -> !exclusions.contains(code))
                                .forEach(code -> adjustments.merge(code, 1L, Long::sum));
                    }
                    Map<String, Long> byLanguage = languagesByPlatform.computeIfAbsent(slug, any -> new HashMap<>());
                    codes(language, doc).forEach(code -> byLanguage.merge(code, 1L, Long::sum));
                }
            };
        }

        Map<String, ObservedPay> observed() {
            Map<String, ObservedPay> observed = new HashMap<>();
            tiers.forEach((slug, tier) -> observed.put(slug, tier.observed()));
            return Map.copyOf(observed);
        }

        /** Per country, over every platform: its worldwide listings plus its adjustments for the country. */
        Map<String, ListingSearchEngine.CodeCount> countries() {
            Map<String, ListingSearchEngine.CodeCount> counts = new HashMap<>();
            Set<String> platforms = countryAdjustments.keySet();
            for (String code : IsoCodes.countries().keySet()) {
                long count = 0;
                long on = 0;
                for (String slug : platforms) {
                    long here = worldwideByPlatform.getOrDefault(slug, 0L) + countryAdjustments.get(slug).getOrDefault(code, 0L);
                    if (here > 0) {
                        count += here;
                        on++;
                    }
                }
                if (count > 0) {
                    counts.put(code, new ListingSearchEngine.CodeCount(count, on));
                }
            }
            return Map.copyOf(counts);
        }

        Map<String, ListingSearchEngine.CodeCount> languages() {
            Map<String, Long> count = new HashMap<>();
            Map<String, Long> on = new HashMap<>();
            languagesByPlatform.forEach((slug, byLanguage) -> byLanguage.forEach((code, listings) -> {
                count.merge(code, listings, Long::sum);
                on.merge(code, 1L, Long::sum);
            }));
            Map<String, ListingSearchEngine.CodeCount> counts = new HashMap<>();
            count.forEach((code, listings) -> counts.put(code, new ListingSearchEngine.CodeCount(listings, on.get(code))));
            return Map.copyOf(counts);
        }

        private static List<String> codes(SortedSetDocValues values, int doc) throws IOException {
            if (!values.advanceExact(doc)) {
                return List.of();
            }
            String[] codes = new String[values.docValueCount()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = values.lookupOrd(values.nextOrd()).utf8ToString();
            }
            return Arrays.asList(codes);
        }
    }

    /** The hourly pay of a tier's open listings that pay by the hour in USD, in cents. */
    private static final class Tier {
        private long count;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private long[] midpointSums = new long[16];
        private int sums;

        void add(Long hourlyMin, long hourlyMax) {
            count++;
            max = Math.max(max, hourlyMax);
            if (hourlyMin != null) {
                min = Math.min(min, hourlyMin);
                if (sums == midpointSums.length) {
                    midpointSums = Arrays.copyOf(midpointSums, sums * 2);
                }
                midpointSums[sums++] = hourlyMin + hourlyMax;
            }
        }

        /** Lowest minimum, median of the range midpoints (the middle one, or the mean of the middle two), highest maximum. */
        ObservedPay observed() {
            BigDecimal median = null;
            if (sums > 0) {
                long[] sorted = Arrays.copyOf(midpointSums, sums);
                Arrays.sort(sorted);
                int middle = (sums - 1) / 2;
                long sumOfMiddle = sums % 2 == 0 ? sorted[middle] + sorted[middle + 1] : sorted[middle];
                median = BigDecimal.valueOf(sumOfMiddle, 2)
                        .divide(TWO.multiply(BigDecimal.valueOf(sums % 2 == 0 ? 2 : 1)), 2, RoundingMode.HALF_EVEN);
            }
            return new ObservedPay(count, min == Long.MAX_VALUE ? null : BigDecimal.valueOf(min, 2), median,
                    BigDecimal.valueOf(max, 2));
        }
    }

    /** A leaf collector that needs no scores. */
    private abstract static class Visit implements LeafCollector {
        @Override
        public void setScorer(Scorable scorer) {
        }
    }
}
