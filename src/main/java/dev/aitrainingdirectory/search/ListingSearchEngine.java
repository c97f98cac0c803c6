package dev.aitrainingdirectory.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.listing.ListingChangeLog;
import dev.aitrainingdirectory.listing.ListingCriteria;
import dev.aitrainingdirectory.listing.ListingFacet;
import dev.aitrainingdirectory.listing.ListingFinder;
import dev.aitrainingdirectory.listing.ListingResponse;
import dev.aitrainingdirectory.platform.HiringStatus;
import dev.aitrainingdirectory.listing.ListingSearch;
import dev.aitrainingdirectory.listing.ListingSort;
import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.listing.ListingSuggestion;
import dev.aitrainingdirectory.paging.FacetValue;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.paytier.ObservedPay;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.paytier.PayTierObservations;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.platform.OpenListingCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Every listing search, and every figure derived from listings, answered from the {@link ListingIndex}:
 * the page (its listings read from the index's stored JSON), its total, its facets, suggestions, and
 * the counts other resources show (platforms' open listings, tiers' observed pay, countries' and
 * languages' open work).
 */
@ApplicationScoped
public class ListingSearchEngine implements ListingFinder, OpenListingCounts, PayTierObservations {

    /** The stored fields an answer is read from. */
    private static final Set<String> STORED_FOR_ANSWER = Set.of(ListingFields.JSON, ListingFields.HIRING_BY_COUNTRY);

    private static final Comparator<FacetValue> LARGEST_FIRST =
            Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value);

    /** How many open listings name a code (a country they may be done from, a language they require), on how many platforms. */
    public record CodeCount(long count, long platforms) {
    }

    @Inject
    ListingIndex index;
    @Inject
    ListingChangeLog changeLog;
    @Inject
    ObjectMapper objectMapper;

    /**
     * Until when the answers of one reader of the index stay the same: found at {@code from}, valid while the
     * reader is the same and the time is in {@code [from, until)}, as no listing reaches its expiry in between.
     */
    private record Stable(IndexReader reader, Instant from, Instant until) {

        boolean holds(IndexReader current, Instant now) {
            return reader == current && !now.isBefore(from) && now.isBefore(until);
        }
    }

    /** The figures over all open listings, as last counted; recounted when the index or the time moves past them. */
    private final AtomicReference<OpenListingSummary> summary = new AtomicReference<>();
    /** The last reader's stability, so that a search does not look for the next expiry again. */
    private final AtomicReference<Stable> stable = new AtomicReference<>();

    @Override
    public Found search(ListingSearch.Request request, long head) {
        Instant now = TimestampedEntity.now();
        return index.read(head, (searcher, seq) -> search(searcher, request, now));
    }

    private Found search(IndexSearcher searcher, ListingSearch.Request request, Instant now) throws IOException {
        ListingQueries.Clauses clauses = ListingQueries.of(request.criteria(), now, searcher.getIndexReader());
        ListingSort order = request.sort() != null ? request.sort()
                : clauses.text() != null ? ListingSort.RELEVANCE : ListingSort.NEWEST;
        Sort sort = ListingQueries.sort(order, request.criteria().country());
        long offset = request.page().offset();
        int wanted = (int) Math.min(offset + request.page().size(), Math.max(1, searcher.getIndexReader().maxDoc()));
        TopFieldCollectorManager top = new TopFieldCollectorManager(sort, Math.max(1, wanted), null, Integer.MAX_VALUE);
        Set<ListingFacet> facets = request.facets();
        long total;
        TopDocs found;
        Map<String, List<FacetValue>> facetValues = null;
        if (facets.isEmpty()) {
            found = searcher.search(clauses.all(), top);
            total = found.totalHits.value();
        } else {
            Map<ListingFacet, Query> counted = new LinkedHashMap<>();
            clauses.byFacet().forEach((facet, filter) -> {
                if (facets.contains(facet)) {
                    counted.put(facet, filter);
                }
            });
            FacetSearch.Result result = searcher.search(clauses.baseOf(counted.keySet()),
                    new FacetSearch(searcher, counted, facets, top, ListingFields.micros(now),
                            request.criteria().country()));
            found = result.top();
            total = result.total();
            facetValues = new LinkedHashMap<>();
            for (ListingFacet facet : facets) {
                Map<String, Long> counts = result.counter().counts(facet);
                List<FacetValue> values = counts.entrySet().stream()
                        .filter(entry -> facet == ListingFacet.PAY || entry.getValue() > 0)
                        .map(entry -> new FacetValue(entry.getKey(), entry.getValue()))
                        .toList();
                facetValues.put(facet.parameterName(), facet == ListingFacet.PAY ? values
                        : values.stream().sorted(LARGEST_FIRST).toList());
            }
        }
        List<ListingResponse> items = new ArrayList<>();
        ScoreDoc[] hits = found.scoreDocs;
        for (long position = offset; position < hits.length; position++) {
            items.add(listing(searcher, hits[(int) position].doc, now, request.criteria().country()));
        }
        Page<ListingResponse> page = Page.of(items, request.page(), total, facetValues);
        return new Found(page, stableUntil(searcher, now));
    }

    @Override
    public Map<Long, ListingResponse> matching(ListingCriteria criteria, Collection<Long> ids, long head) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Instant now = TimestampedEntity.now();
        return index.read(head, (searcher, seq) -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(new TermInSetQuery(ListingFields.ID_TERM, ids.stream().map(id -> new BytesRef(Long.toString(id))).toList()),
                            Occur.FILTER);
            if (criteria != null) {
                query.add(ListingQueries.of(criteria, now, searcher.getIndexReader()).all(), Occur.FILTER);
            }
            Map<Long, ListingResponse> found = new LinkedHashMap<>();
            for (ScoreDoc hit : searcher.search(query.build(), ids.size()).scoreDocs) {
                ListingResponse listing = listing(searcher, hit.doc, now, null);
                found.put(listing.id(), listing);
            }
            return found;
        });
    }

    /**
     * A listing's answer as the index stores it, closed when it has passed its expiry since; as seen from
     * {@code country} (pay and hiring there) when the search names one.
     */
    private ListingResponse listing(IndexSearcher searcher, int doc, Instant now, String country) throws IOException {
        Document stored = searcher.storedFields().document(doc, STORED_FOR_ANSWER);
        ListingResponse listing = objectMapper.readValue(stored.get(ListingFields.JSON), ListingResponse.class).at(now);
        if (country == null) {
            return listing;
        }
        HiringStatus there = ListingFields.hiringByCountry(stored.get(ListingFields.HIRING_BY_COUNTRY))
                .getOrDefault(country, listing.hiring().status());
        return listing.forCountry(country, there);
    }

    /**
     * The first time after {@code now} at which a listing that is not CLOSED reaches its expiry: until then,
     * the same searcher answers every search the same way.
     */
    private Instant stableUntil(IndexSearcher searcher, Instant now) throws IOException {
        Stable known = stable.get();
        if (known != null && known.holds(searcher.getIndexReader(), now)) {
            return known.until();
        }
        Instant until = nextExpiry(searcher, now);
        stable.set(new Stable(searcher.getIndexReader(), now, until));
        return until;
    }

    private static Instant nextExpiry(IndexSearcher searcher, Instant now) throws IOException {
        long nowMicros = ListingFields.micros(now);
        Query expiring = new BooleanQuery.Builder()
                .add(LongField.newRangeQuery(ListingFields.EXPIRES_AT, nowMicros + 1, ListingFields.NEVER - 1), Occur.FILTER)
                .add(KeywordField.newExactQuery(ListingFields.STATUS, ListingStatus.CLOSED.name()),
                        Occur.MUST_NOT)
                .build();
        TopDocs first = searcher.search(expiring, 1,
                new Sort(new SortedNumericSortField(ListingFields.EXPIRES_AT, SortField.Type.LONG)));
        if (first.scoreDocs.length == 0) {
            return Instant.MAX;
        }
        long micros = (Long) ((FieldDoc) first.scoreDocs[0]).fields[0];
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    @Override
    public List<ListingSuggestion> suggest(String text, int limit, long head) {
        Instant now = TimestampedEntity.now();
        OpenListingSummary open = summary(head, now);
        return index.read(head, (searcher, seq) -> Suggestions.of(searcher, text, limit, now, open.platformNames(),
                open.openByPlatform()));
    }

    @Override
    public Map<String, Long> bySlug() {
        return summary(changeLog.head(), TimestampedEntity.now()).openByPlatform();
    }

    @Override
    public ObservedPay observe(PayTier tier) {
        return summary(changeLog.head(), TimestampedEntity.now()).observed(tier.slug);
    }

    /** Per country code, the open listings a contributor living there qualifies for, and their platforms. */
    public Map<String, CodeCount> countries() {
        return summary(changeLog.head(), TimestampedEntity.now()).countries();
    }

    /** Per language code, the open listings that require it, and their platforms. */
    public Map<String, CodeCount> languages() {
        return summary(changeLog.head(), TimestampedEntity.now()).languages();
    }

    /** Whether the index has been current since the start, so a count does not wait for its build. */
    public boolean ready() {
        return index.ready();
    }

    /** Every listing by the status clients see now, all of them counted (for the metrics). */
    public Map<ListingStatus, Long> statuses() {
        return summary(changeLog.head(), TimestampedEntity.now()).statuses();
    }

    private OpenListingSummary summary(long head, Instant now) {
        OpenListingSummary known = summary.get();
        if (known != null && known.seq() >= head && now.isBefore(known.stableUntil()) && !now.isBefore(known.countedAt())) {
            return known;
        }
        OpenListingSummary counted = index.read(head, (searcher, seq) ->
                OpenListingSummary.count(searcher, seq, now, stableUntil(searcher, now)));
        summary.set(counted);
        return counted;
    }
}
