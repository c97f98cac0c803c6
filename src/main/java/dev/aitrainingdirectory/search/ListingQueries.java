package dev.aitrainingdirectory.search;

import dev.aitrainingdirectory.listing.ListingCriteria;
import dev.aitrainingdirectory.listing.ListingFacet;
import dev.aitrainingdirectory.listing.ListingSort;
import dev.aitrainingdirectory.listing.ListingStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A listing search as Lucene queries: the text as scored clauses (BM25, a title word counting twice a
 * description word), every filter as a constant-score clause, each filter that a facet counts kept by
 * that facet so the facet can be counted without it.
 */
final class ListingQueries {

    /** How much more a word in the title weighs than one in the description. */
    private static final float TITLE_BOOST = 2f;

    /** The text's scored clauses (null without words), the filters of facets by facet, and the other filters. */
    record Clauses(Query text, Map<ListingFacet, Query> byFacet, List<Query> others) {

        /** Every clause: what the search finds. */
        Query all() {
            return combine(byFacet.values());
        }

        /** The text and the filters that are not counted by one of {@code facets}: what those facets' counts start from. */
        Query baseOf(Set<ListingFacet> facets) {
            List<Query> kept = new ArrayList<>();
            byFacet.forEach((facet, query) -> {
                if (!facets.contains(facet)) {
                    kept.add(query);
                }
            });
            return combine(kept);
        }

        private Query combine(Collection<Query> facetFilters) {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            boolean any = false;
            if (text != null) {
                query.add(text, Occur.MUST);
                any = true;
            }
            for (Query filter : facetFilters) {
                query.add(filter, Occur.FILTER);
                any = true;
            }
            for (Query filter : others) {
                query.add(filter, Occur.FILTER);
                any = true;
            }
            return any ? query.build() : new MatchAllDocsQuery();
        }
    }

    private ListingQueries() {
    }

    static Clauses of(ListingCriteria criteria, Instant now, IndexReader reader) {
        Map<ListingFacet, Query> byFacet = new EnumMap<>(ListingFacet.class);
        List<Query> others = new ArrayList<>();
        if (criteria.country() != null) {
            byFacet.put(ListingFacet.COUNTRY, allowsCountry(criteria.country()));
        }
        if (!criteria.speaks().isEmpty()) {
            others.add(requiresOnly(ListingFields.LANGUAGE, criteria.speaks(), reader));
        }
        if (!criteria.holds().isEmpty()) {
            others.add(requiresOnly(ListingFields.CREDENTIAL, criteria.holds(), reader));
        }
        if (!criteria.languages().isEmpty()) {
            byFacet.put(ListingFacet.LANGUAGE, anyOf(ListingFields.LANGUAGE, criteria.languages()));
        }
        if (!criteria.platforms().isEmpty()) {
            byFacet.put(ListingFacet.PLATFORM, anyOf(ListingFields.PLATFORM, criteria.platforms()));
        }
        if (!criteria.tiers().isEmpty()) {
            byFacet.put(ListingFacet.TIER, anyOf(ListingFields.TIER, criteria.tiers()));
        }
        if (!criteria.taskTypes().isEmpty()) {
            byFacet.put(ListingFacet.TASK_TYPE, anyOf(ListingFields.TASK_TYPE, criteria.taskTypes().stream().map(Enum::name).toList()));
        }
        Query status = status(criteria.statuses(), now);
        if (status != null) {
            byFacet.put(ListingFacet.STATUS, status);
        }
        Query pay = pay(criteria);
        if (pay != null) {
            byFacet.put(ListingFacet.PAY, pay);
        }
        platformFacts(criteria, others);
        if (criteria.postedAfter() != null) {
            others.add(after(ListingFields.POSTED_AT, criteria.postedAfter()));
        }
        if (criteria.updatedAfter() != null) {
            others.add(after(ListingFields.UPDATED_AT, criteria.updatedAfter()));
        }
        return new Clauses(text(criteria.text()), byFacet, others);
    }

    /** The filters on the listing's platform: hiring (in the asked country), payment method (offered there), assessment, monitoring. */
    private static void platformFacts(ListingCriteria criteria, List<Query> others) {
        String country = criteria.country();
        if (!criteria.hiring().isEmpty()) {
            Query overall = anyOf(ListingFields.HIRING, criteria.hiring().stream().map(Enum::name).toList());
            others.add(country == null ? overall : new BooleanQuery.Builder()
                    .add(anyOf(ListingFields.HIRING_IN, criteria.hiring().stream()
                            .map(status -> ListingFields.hiringIn(country, status)).toList()), Occur.SHOULD)
                    .add(new BooleanQuery.Builder()
                            .add(overall, Occur.FILTER)
                            .add(KeywordField.newExactQuery(ListingFields.HIRING_COUNTRY, country), Occur.MUST_NOT)
                            .build(), Occur.SHOULD)
                    .build());
        }
        if (!criteria.paymentMethods().isEmpty()) {
            List<String> methods = criteria.paymentMethods().stream().map(Enum::name).toList();
            others.add(country == null ? anyOf(ListingFields.PAY_METHOD, methods) : new BooleanQuery.Builder()
                    .add(anyOf(ListingFields.PAY_METHOD_EVERYWHERE, methods), Occur.SHOULD)
                    .add(anyOf(ListingFields.PAY_METHOD_IN, criteria.paymentMethods().stream()
                            .map(method -> ListingFields.payMethodIn(method, country)).toList()), Occur.SHOULD)
                    .build());
        }
        if (criteria.assessmentPaid() != null) {
            others.add(criteria.assessmentPaid() ? anyOf(ListingFields.ASSESSMENT, List.of("NONE", "PAID"))
                    : KeywordField.newExactQuery(ListingFields.ASSESSMENT, "UNPAID"));
        }
        if (criteria.maxAssessmentMinutes() != null) {
            others.add(new BooleanQuery.Builder()
                    .add(KeywordField.newExactQuery(ListingFields.ASSESSMENT, "NONE"), Occur.SHOULD)
                    .add(LongField.newRangeQuery(ListingFields.ASSESSMENT_MINUTES, Long.MIN_VALUE, criteria.maxAssessmentMinutes()),
                            Occur.SHOULD)
                    .build());
        }
        if (criteria.monitoring() != null) {
            others.add(KeywordField.newExactQuery(ListingFields.MONITORING, criteria.monitoring().toString()));
        }
    }

    /** Every word of {@code text}, each in the title or the description; null when it holds no word. */
    static Query text(String text) {
        List<String> terms = text == null ? List.of() : TextAnalysis.terms(TextAnalysis.STEMMED, text);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : terms) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(ListingFields.TITLE, term)), TITLE_BOOST), Occur.SHOULD)
                    .add(new TermQuery(new Term(ListingFields.DESCRIPTION, term)), Occur.SHOULD)
                    .build(), Occur.MUST);
        }
        return all.build();
    }

    /** Open at {@code now}, as clients see it: OPEN and not past the expiry. */
    static Query open(Instant now) {
        return status(EnumSet.of(ListingStatus.OPEN), now);
    }

    /** A contributor living in {@code country} qualifies: not excluded, and listed or no country listed. */
    static Query allowsCountry(String country) {
        return new BooleanQuery.Builder()
                .add(new BooleanQuery.Builder()
                        .add(KeywordField.newExactQuery(ListingFields.WORLDWIDE, ListingFields.TRUE), Occur.SHOULD)
                        .add(KeywordField.newExactQuery(ListingFields.COUNTRY, country), Occur.SHOULD)
                        .build(), Occur.FILTER)
                .add(new TermQuery(new Term(ListingFields.EXCLUDED_COUNTRY, country)), Occur.MUST_NOT)
                .build();
    }

    /**
     * Every value of {@code field} the listing requires is among {@code allowed}: it requires none of the
     * other values the index holds for that field.
     */
    private static Query requiresOnly(String field, Set<String> allowed, IndexReader reader) {
        List<BytesRef> others = new ArrayList<>();
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms != null) {
                TermsEnum values = terms.iterator();
                for (BytesRef value = values.next(); value != null; value = values.next()) {
                    if (!allowed.contains(value.utf8ToString())) {
                        others.add(BytesRef.deepCopyOf(value));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The search index cannot be read", e);
        }
        if (others.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.FILTER)
                .add(new TermInSetQuery(field, others), Occur.MUST_NOT)
                .build();
    }

    private static Query anyOf(String field, Collection<String> values) {
        return KeywordField.newSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /**
     * The listings whose status, as clients see it at {@code now}, is one of {@code statuses}: a listing
     * past its expiry is CLOSED whatever was stored. None, or all three, filter nothing (null).
     */
    static Query status(Set<ListingStatus> statuses, Instant now) {
        if (statuses.isEmpty() || statuses.size() == ListingStatus.values().length) {
            return null;
        }
        long nowMicros = ListingFields.micros(now);
        Query live = LongField.newRangeQuery(ListingFields.EXPIRES_AT, nowMicros + 1, Long.MAX_VALUE);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (ListingStatus status : statuses) {
            if (status == ListingStatus.CLOSED) {
                any.add(KeywordField.newExactQuery(ListingFields.STATUS, status.name()), Occur.SHOULD);
                any.add(LongField.newRangeQuery(ListingFields.EXPIRES_AT, Long.MIN_VALUE, nowMicros), Occur.SHOULD);
            } else {
                any.add(new BooleanQuery.Builder()
                        .add(KeywordField.newExactQuery(ListingFields.STATUS, status.name()), Occur.FILTER)
                        .add(live, Occur.FILTER)
                        .build(), Occur.SHOULD);
            }
        }
        return any.build();
    }

    /**
     * {@code minPay} against the most a listing pays an hour, {@code maxPay} against the least, {@code payBasis}
     * against how that was derived; with {@code country}, a listing's range for that country where it has one.
     * Null without any of them.
     */
    private static Query pay(ListingCriteria criteria) {
        boolean range = criteria.minPay() != null || criteria.maxPay() != null;
        if (!range && criteria.payBases().isEmpty()) {
            return null;
        }
        BooleanQuery.Builder known = new BooleanQuery.Builder();
        if (range) {
            String country = criteria.country();
            Query own = payRange(criteria, ListingFields.HOURLY_MIN, ListingFields.HOURLY_MAX);
            known.add(country == null ? own : new BooleanQuery.Builder()
                    .add(new BooleanQuery.Builder()
                            .add(KeywordField.newExactQuery(ListingFields.PAY_COUNTRY, country), Occur.FILTER)
                            .add(payRange(criteria, ListingFields.hourlyMin(country), ListingFields.hourlyMax(country)), Occur.FILTER)
                            .build(), Occur.SHOULD)
                    .add(new BooleanQuery.Builder()
                            .add(own, Occur.FILTER)
                            .add(KeywordField.newExactQuery(ListingFields.PAY_COUNTRY, country), Occur.MUST_NOT)
                            .build(), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        if (!criteria.payBases().isEmpty()) {
            known.add(anyOf(ListingFields.PAY_BASIS, criteria.payBases().stream().map(Enum::name).toList()), Occur.FILTER);
        }
        if (!criteria.includeUnknownPay()) {
            return known.build();
        }
        Query unknown = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.FILTER)
                .add(KeywordField.newExactQuery(ListingFields.PAY_KNOWN, ListingFields.TRUE), Occur.MUST_NOT)
                .build();
        return new BooleanQuery.Builder().add(known.build(), Occur.SHOULD).add(unknown, Occur.SHOULD).build();
    }

    /** {@code minPay} against {@code maxField}, {@code maxPay} against {@code minField}. */
    private static Query payRange(ListingCriteria criteria, String minField, String maxField) {
        BooleanQuery.Builder both = new BooleanQuery.Builder();
        if (criteria.minPay() != null) {
            both.add(LongField.newRangeQuery(maxField, ListingFields.cents(criteria.minPay(), RoundingMode.CEILING), Long.MAX_VALUE),
                    Occur.FILTER);
        }
        if (criteria.maxPay() != null) {
            both.add(LongField.newRangeQuery(minField, Long.MIN_VALUE, ListingFields.cents(criteria.maxPay(), RoundingMode.FLOOR)),
                    Occur.FILTER);
        }
        return both.build();
    }

    /** Stored strictly later than {@code bound}, compared at the microseconds timestamps are stored with. */
    private static Query after(String field, Instant bound) {
        return LongField.newRangeQuery(field, Math.addExact(ListingFields.micros(bound), 1), Long.MAX_VALUE);
    }

    /**
     * The order of {@code sort}; every one ends with the id, so paging is stable. By pay with a {@code country},
     * a listing's range for that country counts where it has one.
     */
    static Sort sort(ListingSort sort, String country) {
        SortField byId = new SortedNumericSortField(ListingFields.ID, SortField.Type.LONG);
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
            case NEWEST -> new Sort(new SortedNumericSortField(ListingFields.POSTED_AT, SortField.Type.LONG, true), byId);
            case OLDEST -> new Sort(new SortedNumericSortField(ListingFields.POSTED_AT, SortField.Type.LONG), byId);
            case BEST_PAID -> new Sort(byPay(true, country), byId);
            case LEAST_PAID -> new Sort(byPay(false, country), byId);
            case TITLE -> new Sort(new SortField(ListingFields.TITLE_KEY, SortField.Type.STRING), byId);
            case RECENTLY_UPDATED -> new Sort(new SortedNumericSortField(ListingFields.UPDATED_AT, SortField.Type.LONG, true), byId);
        };
    }

    /** By the most a listing pays an hour (for {@code country}, if given), listings without hourly pay last in either direction. */
    private static SortField byPay(boolean descending, String country) {
        long missing = descending ? Long.MIN_VALUE : Long.MAX_VALUE;
        if (country != null) {
            return new CountryHourlyMax(country, missing).getSortField(descending);
        }
        SortField byPay = new SortedNumericSortField(ListingFields.HOURLY_MAX, SortField.Type.LONG, descending);
        byPay.setMissingValue(missing);
        return byPay;
    }
}
