package dev.aitrainingdirectory.search;

import dev.aitrainingdirectory.eligibility.IsoCodes;
import dev.aitrainingdirectory.listing.ListingFacet;
import dev.aitrainingdirectory.listing.ListingStatus;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * Counts listings per facet value from the index's doc values, one listing at a time: platforms, tiers,
 * task types and statuses (as clients see them at the time of the search) by value, countries by who
 * may apply from there, languages by those required, and pay by hourly-USD band. Countries are counted
 * without listing every country of a worldwide listing: such listings are counted once, less their
 * exclusions, and added to every country at the end.
 */
final class FacetCounter {

    /**
     * The hourly-USD bands of {@code facets=pay}, by their lower bound in cents: a listing counts in the
     * band of the most it pays an hour ({@code pay.max}, what {@code sort=-pay} orders by).
     */
    static final long[] PAY_BANDS = {0, 1500, 2500, 4000, 6000, 10000};
    static final String[] PAY_BAND_NAMES = {"0-15", "15-25", "25-40", "40-60", "60-100", "100+"};

    private final long nowMicros;
    /** The country whose range by country, where a listing has one, its pay is counted by; null for the listing's own. */
    private final String payCountry;
    private final Map<ListingFacet, Map<String, Long>> counts = new EnumMap<>(ListingFacet.class);
    private long worldwide;
    private final long[] payBands = new long[PAY_BANDS.length];

    FacetCounter(long nowMicros, String payCountry) {
        this.nowMicros = nowMicros;
        this.payCountry = payCountry;
        for (ListingFacet facet : ListingFacet.values()) {
            counts.put(facet, new HashMap<>());
        }
    }

    /** The counts of one segment of the index; {@link #add} a listing to the facets it counts in. */
    final class Leaf {
        private final SortedSetDocValues platform;
        private final SortedSetDocValues tier;
        private final SortedSetDocValues taskType;
        private final SortedSetDocValues status;
        private final NumericDocValues expiresAt;
        private final SortedSetDocValues worldwideFlag;
        private final SortedSetDocValues country;
        private final SortedSetDocValues excluded;
        private final SortedSetDocValues language;
        private final NumericDocValues hourlyMax;
        /** The highest hourly pay for {@link #payCountry} of the listings with a range for it; null without a country. */
        private final NumericDocValues countryHourlyMax;
        private final long[] byPlatform;
        private final long[] byTier;
        private final long[] byTaskType;
        private final long[] byStatus;
        private final long[] byLanguage;
        private final long[] countryAdjustments;
        private final String[] statusNames;
        private final int closedOrd;

        Leaf(LeafReader reader) throws IOException {
            platform = DocValues.getSortedSet(reader, ListingFields.PLATFORM);
            tier = DocValues.getSortedSet(reader, ListingFields.TIER);
            taskType = DocValues.getSortedSet(reader, ListingFields.TASK_TYPE);
            status = DocValues.getSortedSet(reader, ListingFields.STATUS);
            expiresAt = singleValued(DocValues.getSortedNumeric(reader, ListingFields.EXPIRES_AT));
            worldwideFlag = DocValues.getSortedSet(reader, ListingFields.WORLDWIDE);
            country = DocValues.getSortedSet(reader, ListingFields.COUNTRY);
            excluded = DocValues.getSortedSet(reader, ListingFields.EXCLUDED_COUNTRY);
            language = DocValues.getSortedSet(reader, ListingFields.LANGUAGE);
            hourlyMax = singleValued(DocValues.getSortedNumeric(reader, ListingFields.HOURLY_MAX));
            countryHourlyMax = payCountry == null ? null
                    : singleValued(DocValues.getSortedNumeric(reader, ListingFields.hourlyMax(payCountry)));
            byPlatform = new long[(int) platform.getValueCount()];
            byTier = new long[(int) tier.getValueCount()];
            byTaskType = new long[(int) taskType.getValueCount()];
            byStatus = new long[ListingStatus.values().length];
            byLanguage = new long[(int) language.getValueCount()];
            countryAdjustments = new long[IsoCodes.countries().size()];
            statusNames = new String[(int) status.getValueCount()];
            for (int ord = 0; ord < statusNames.length; ord++) {
                statusNames[ord] = status.lookupOrd(ord).utf8ToString();
            }
            closedOrd = (int) status.lookupTerm(new BytesRef(ListingStatus.CLOSED.name()));
        }

        /** Counts listing {@code doc} in {@code facets}. */
        void add(int doc, Iterable<ListingFacet> facets) throws IOException {
            for (ListingFacet facet : facets) {
                switch (facet) {
                    case PLATFORM -> countOrd(platform, doc, byPlatform);
                    case TIER -> countOrd(tier, doc, byTier);
                    case TASK_TYPE -> countOrd(taskType, doc, byTaskType);
                    case STATUS -> byStatus[effectiveStatus(doc).ordinal()]++;
                    case LANGUAGE -> countOrds(language, doc, byLanguage);
                    case COUNTRY -> countCountries(doc);
                    case PAY -> countPay(doc);
                }
            }
        }

        /** The status a client sees at the time of the search. */
        ListingStatus effectiveStatus(int doc) throws IOException {
            if (!status.advanceExact(doc)) {
                return ListingStatus.CLOSED;
            }
            int ord = (int) status.nextOrd();
            if (ord != closedOrd && expiresAt.advanceExact(doc) && expiresAt.longValue() <= nowMicros) {
                return ListingStatus.CLOSED;
            }
            return ListingStatus.valueOf(statusNames[ord]);
        }

        private void countCountries(int doc) throws IOException {
            int excludedCount = excluded.advanceExact(doc) ? excluded.docValueCount() : 0;
            String[] exclusions = new String[excludedCount];
            for (int i = 0; i < excludedCount; i++) {
                exclusions[i] = excluded.lookupOrd(excluded.nextOrd()).utf8ToString();
            }
            if (worldwideFlag.advanceExact(doc)) {
                worldwide++;
                for (String code : exclusions) {
                    adjust(code, -1);
                }
                return;
            }
            if (country.advanceExact(doc)) {
                for (int i = 0, n = country.docValueCount(); i < n; i++) {
                    String code = country.lookupOrd(country.nextOrd()).utf8ToString();
                    if (!contains(exclusions, code)) {
                        adjust(code, 1);
                    }
                }
            }
        }

        private void adjust(String code, long change) {
            Integer index = COUNTRY_INDEX.get(code);
            if (index != null) {
                countryAdjustments[index] += change;
            }
        }

        private void countPay(int doc) throws IOException {
            long cents;
            if (countryHourlyMax != null && countryHourlyMax.advanceExact(doc)) {
                cents = countryHourlyMax.longValue();
            } else if (hourlyMax.advanceExact(doc)) {
                cents = hourlyMax.longValue();
            } else {
                return;
            }
            int band = 0;
            while (band + 1 < PAY_BANDS.length && cents >= PAY_BANDS[band + 1]) {
                band++;
            }
            payBands[band]++;
        }

        /** Adds this segment's counts to the totals. */
        void finish() throws IOException {
            addNamed(platform, byPlatform, ListingFacet.PLATFORM);
            addNamed(tier, byTier, ListingFacet.TIER);
            addNamed(taskType, byTaskType, ListingFacet.TASK_TYPE);
            addNamed(language, byLanguage, ListingFacet.LANGUAGE);
            for (ListingStatus value : ListingStatus.values()) {
                if (byStatus[value.ordinal()] > 0) {
                    counts.get(ListingFacet.STATUS).merge(value.name(), byStatus[value.ordinal()], Long::sum);
                }
            }
            Map<String, Long> byCountry = counts.get(ListingFacet.COUNTRY);
            for (int index = 0; index < countryAdjustments.length; index++) {
                if (countryAdjustments[index] != 0) {
                    byCountry.merge(COUNTRY_CODES[index], countryAdjustments[index], Long::sum);
                }
            }
        }

        private void addNamed(SortedSetDocValues values, long[] byOrd, ListingFacet facet) throws IOException {
            Map<String, Long> named = counts.get(facet);
            for (int ord = 0; ord < byOrd.length; ord++) {
                if (byOrd[ord] > 0) {
                    named.merge(values.lookupOrd(ord).utf8ToString(), byOrd[ord], Long::sum);
                }
            }
        }
    }

    /** Adds the counts of another slice of the index, its segments finished. */
    void addAll(FacetCounter other) {
        other.counts.forEach((facet, values) -> values.forEach((value, count) -> counts.get(facet).merge(value, count, Long::sum)));
        worldwide += other.worldwide;
        for (int band = 0; band < payBands.length; band++) {
            payBands[band] += other.payBands[band];
        }
    }

    Leaf leaf(LeafReader reader) throws IOException {
        return new Leaf(reader);
    }

    /** The counts of {@code facet}, keyed as the API shows them, zero counts left out except the pay bands (all, in order). */
    Map<String, Long> counts(ListingFacet facet) {
        if (facet == ListingFacet.PAY) {
            Map<String, Long> bands = new LinkedHashMap<>();
            for (int band = 0; band < PAY_BANDS.length; band++) {
                bands.put(PAY_BAND_NAMES[band], payBands[band]);
            }
            return bands;
        }
        if (facet != ListingFacet.COUNTRY) {
            return counts.get(facet);
        }
        Map<String, Long> byCountry = new HashMap<>();
        Map<String, Long> adjustments = counts.get(ListingFacet.COUNTRY);
        for (String code : COUNTRY_CODES) {
            long count = worldwide + adjustments.getOrDefault(code, 0L);
            if (count > 0) {
                byCountry.put(code, count);
            }
        }
        return byCountry;
    }

    private static final String[] COUNTRY_CODES = IsoCodes.countries().keySet().toArray(String[]::new);
    private static final Map<String, Integer> COUNTRY_INDEX = indexOf(COUNTRY_CODES);

    private static Map<String, Integer> indexOf(String[] codes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            index.put(codes[i], i);
        }
        return index;
    }

    private static void countOrd(SortedSetDocValues values, int doc, long[] byOrd) throws IOException {
        if (values.advanceExact(doc)) {
            byOrd[(int) values.nextOrd()]++;
        }
    }

    private static void countOrds(SortedSetDocValues values, int doc, long[] byOrd) throws IOException {
        if (values.advanceExact(doc)) {
            for (int i = 0, n = values.docValueCount(); i < n; i++) {
                byOrd[(int) values.nextOrd()]++;
            }
        }
    }

    private static boolean contains(String[] values, String value) {
        for (String candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The values of a field that holds one per listing, or none. */
    static NumericDocValues singleValued(SortedNumericDocValues values) {
        NumericDocValues single = DocValues.unwrapSingleton(values);
        if (single != null) {
            return single;
        }
        return new NumericDocValues() {
            @Override
            public long longValue() throws IOException {
                return values.nextValue();
            }

            @Override
            public boolean advanceExact(int target) throws IOException {
                return values.advanceExact(target);
            }

            @Override
            public int docID() {
                return values.docID();
            }

            @Override
            public int nextDoc() throws IOException {
                return values.nextDoc();
            }

            @Override
            public int advance(int target) throws IOException {
                return values.advance(target);
            }

            @Override
            public long cost() {
                return values.cost();
            }
        };
    }
}
