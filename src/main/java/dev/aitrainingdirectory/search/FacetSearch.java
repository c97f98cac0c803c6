package dev.aitrainingdirectory.search;

import dev.aitrainingdirectory.listing.ListingFacet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * One pass that finds a page and counts facets the way a faceted UI needs them (each facet counted with
 * every filter but its own), as Lucene's {@code DrillSideways} does: the query run is the search without
 * the filters of the counted facets; each listing it visits is checked against those filters. A listing
 * that passes all is a hit (it is collected for the page and counts in every facet); one that fails
 * exactly one is a near miss and counts only in that filter's facet.
 */
final class FacetSearch implements CollectorManager<FacetSearch.PassCollector, FacetSearch.Result> {

    /** The page's top listings, how many the search finds, and the facet counts. */
    record Result(TopDocs top, long total, FacetCounter counter) {
    }

    private final List<ListingFacet> filteredFacets;
    private final List<Weight> filters;
    private final List<ListingFacet> facets;
    private final TopFieldCollectorManager top;
    private final long nowMicros;
    private final String payCountry;

    /**
     * @param filtered the filters of the facets to count that the search has, by facet
     * @param facets every facet to count
     * @param payCountry the country whose ranges by country pay is counted by, null for listings' own ranges
     */
    FacetSearch(IndexSearcher searcher, Map<ListingFacet, Query> filtered, Set<ListingFacet> facets, TopFieldCollectorManager top,
            long nowMicros, String payCountry) throws IOException {
        this.filteredFacets = List.copyOf(filtered.keySet());
        this.filters = new ArrayList<>();
        for (Query filter : filtered.values()) {
            filters.add(searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f));
        }
        this.facets = List.copyOf(facets);
        this.top = top;
        this.nowMicros = nowMicros;
        this.payCountry = payCountry;
    }

    @Override
    public PassCollector newCollector() throws IOException {
        return new PassCollector(top.newCollector(), new FacetCounter(nowMicros, payCountry));
    }

    @Override
    public Result reduce(Collection<PassCollector> collectors) throws IOException {
        List<TopFieldCollector> tops = new ArrayList<>();
        FacetCounter counter = new FacetCounter(nowMicros, payCountry);
        long total = 0;
        for (PassCollector collector : collectors) {
            for (FacetCounter.Leaf leaf : collector.leaves) {
                leaf.finish();
            }
            tops.add(collector.top);
            counter.addAll(collector.counter);
            total += collector.total;
        }
        return new Result(top.reduce(tops), total, counter);
    }

    /** The collector of one slice of the index. */
    final class PassCollector implements Collector {
        private final TopFieldCollector top;
        private final FacetCounter counter;
        private final List<FacetCounter.Leaf> leaves = new ArrayList<>();
        private long total;

        PassCollector(TopFieldCollector top, FacetCounter counter) {
            this.top = top;
            this.counter = counter;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector page = top.getLeafCollector(context);
            FacetCounter.Leaf counts = counter.leaf(context.reader());
            leaves.add(counts);
            Matcher[] matchers = new Matcher[filters.size()];
            for (int i = 0; i < matchers.length; i++) {
                matchers[i] = new Matcher(filters.get(i).scorer(context));
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    page.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    int failed = -1;
                    int failures = 0;
                    for (int i = 0; i < matchers.length && failures < 2; i++) {
                        if (!matchers[i].matches(doc)) {
                            failed = i;
                            failures++;
                        }
                    }
                    if (failures == 0) {
                        total++;
                        page.collect(doc);
                        counts.add(doc, facets);
                    } else if (failures == 1) {
                        counts.add(doc, List.of(filteredFacets.get(failed)));
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return top.scoreMode();
        }
    }

    /** Whether the listings visited in increasing order match one filter. */
    private static final class Matcher {
        private final DocIdSetIterator approximation;
        private final TwoPhaseIterator twoPhase;

        Matcher(Scorer scorer) {
            twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
            approximation = scorer == null ? null : twoPhase != null ? twoPhase.approximation() : scorer.iterator();
        }

        boolean matches(int doc) throws IOException {
            if (approximation == null) {
                return false;
            }
            int at = approximation.docID();
            if (at < doc) {
                at = approximation.advance(doc);
            }
            return at == doc && (twoPhase == null || twoPhase.matches());
        }
    }
}
