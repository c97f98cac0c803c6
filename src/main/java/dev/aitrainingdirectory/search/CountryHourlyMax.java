package dev.aitrainingdirectory.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LongValues;
import org.apache.lucene.search.LongValuesSource;

/**
 * The most a listing pays an hour to a contributor in one country: its range for that country where it has
 * one, else its own; {@code missing} for listings whose hourly pay is unknown. What {@code sort=pay} and
 * {@code sort=-pay} order by in a search with {@code country}.
 */
final class CountryHourlyMax extends LongValuesSource {

    private final String country;
    private final long missing;

    CountryHourlyMax(String country, long missing) {
        this.country = country;
        this.missing = missing;
    }

    @Override
    public LongValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
        NumericDocValues theirs = FacetCounter.singleValued(DocValues.getSortedNumeric(context.reader(),
                ListingFields.hourlyMax(country)));
        NumericDocValues own = FacetCounter.singleValued(DocValues.getSortedNumeric(context.reader(), ListingFields.HOURLY_MAX));
        return new LongValues() {
            private long value;

            @Override
            public long longValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = theirs.advanceExact(doc) ? theirs.longValue() : own.advanceExact(doc) ? own.longValue() : missing;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public LongValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext context) {
        return DocValues.isCacheable(context, ListingFields.HOURLY_MAX, ListingFields.hourlyMax(country));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CountryHourlyMax that && country.equals(that.country) && missing == that.missing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(country, missing);
    }

    @Override
    public String toString() {
        return "hourlyMax(country=" + country + ")";
    }
}
