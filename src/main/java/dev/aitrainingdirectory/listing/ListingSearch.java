package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.eligibility.EligibilitySql;
import dev.aitrainingdirectory.paging.FacetValue;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.paging.PageRequest;
import dev.aitrainingdirectory.params.ParameterReader;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.persistence.SqlFilter;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.platform.Platform;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs listing searches: validates the parameters, finds one page of results and counts the facets. */
@ApplicationScoped
public class ListingSearch {

    /** A validated search: what to find, in which order, which page and which facets to count. */
    public record Request(ListingCriteria criteria, ListingSort sort, PageRequest page, Set<ListingFacet> facets) {
    }

    private static final Comparator<FacetValue> LARGEST_FIRST =
            Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value);

    @Inject
    EntityManager entityManager;

    @Inject
    ListingIndex index;

    private final Counter indexSearches;
    private final Counter databaseSearches;
    /**
     * Listings as recently answered, each with the change log number it was read at: while the index is
     * current at that number, the listing is as read, and a page of a search needs no query for it.
     */
    private final Cache<Long, Kept> kept = Caffeine.newBuilder()
            .maximumWeight(KEPT_BYTES)
            .weigher((Long id, Kept listing) -> 1024 + 2 * (listing.response().title().length()
                    + listing.response().description().length()))
            .build();

    /** The memory kept listings may take, about: 16 MiB, a few thousand listings. */
    private static final long KEPT_BYTES = 16L << 20;

    /** A listing's answer as read while the change log stood at {@code seq}. */
    private record Kept(long seq, ListingResponse response) {

        /** Whether the answer still holds at {@code now}: it would read as CLOSED once past its expiry. */
        boolean holdsAt(Instant now) {
            return response.status() == ListingStatus.CLOSED || response.expiresAt() == null
                    || now.isBefore(response.expiresAt());
        }
    }

    @Inject
    ListingSearch(MeterRegistry registry) {
        indexSearches = registry.counter("directory_searches", "source", "index");
        databaseSearches = registry.counter("directory_searches", "source", "database");
    }

    /** Validates every parameter, answering one 400 that names each bad one. */
    public Request parse(ListingSearchParams params) {
        ParameterReader reader = new ParameterReader();
        ListingSort sort = reader.sort(params.sort, ListingSort.byParameterValue(), ListingSort.NEWEST);
        Set<ListingFacet> facets = reader.facets(params.facets, ListingFacet.byParameterName().keySet()).stream()
                .map(name -> ListingFacet.ofParameterName(name).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ListingFacet.class)));
        return parse(params, sort, facets, reader);
    }

    /** Validates the parameters of the feed: the search's filters and page, always newest first and without facets. */
    public Request parseFeed(ListingFeedParams params) {
        ParameterReader reader = new ParameterReader();
        ListingSort sort = reader.sort(params.sort, Map.of(ListingSort.NEWEST.parameterValue(), ListingSort.NEWEST),
                ListingSort.NEWEST);
        return parse(params, sort, EnumSet.noneOf(ListingFacet.class), reader);
    }

    private Request parse(ListingFilterParams params, ListingSort sort, Set<ListingFacet> facets, ParameterReader reader) {
        Set<ListingStatus> statuses = reader.enums("status", params.status, ListingStatus.class);
        if (params.status == null || params.status.isEmpty()) {
            statuses = EnumSet.of(ListingStatus.OPEN);
        }
        ListingCriteria criteria = new ListingCriteria(
                reader.words("q", params.q),
                reader.country("country", params.country),
                reader.languages("speaks", params.speaks),
                reader.slugs("holds", params.holds),
                reader.languages("language", params.language),
                idsOf("platform", reader.slugs("platform", params.platform), reader,
                        slugs -> Platform.listBySlugs(slugs).stream().collect(Collectors.toMap(p -> p.slug, p -> p.id))),
                idsOf("tier", reader.slugs("tier", params.tier), reader,
                        slugs -> PayTier.listBySlugs(slugs).stream().collect(Collectors.toMap(t -> t.slug, t -> t.id))),
                reader.enums("taskType", params.taskType, TaskType.class),
                statuses,
                reader.amount("minPay", params.minPay),
                reader.amount("maxPay", params.maxPay),
                Boolean.TRUE.equals(reader.bool("includeUnknownPay", params.includeUnknownPay)),
                reader.instant("postedAfter", params.postedAfter),
                reader.instant("updatedAfter", params.updatedAfter));
        if (criteria.minPay() != null && criteria.maxPay() != null && criteria.minPay().compareTo(criteria.maxPay()) > 0) {
            reader.reject("minPay", "must not be above maxPay");
        }
        PageRequest page = reader.pageRequest(params.page, params.size);
        reader.requireValid();
        return new Request(criteria, sort, page, facets);
    }

    /**
     * One page of the listings the search finds, with its total and facets: from the {@link ListingIndex}
     * when it holds every change the database holds, else from the database. Both give the same answer;
     * the index reads no more than the page's listings (and, for words, the ids whose text holds them).
     */
    public Page<ListingResponse> search(Request request) {
        Instant now = TimestampedEntity.now();
        Optional<ListingSnapshot> snapshot = index.current();
        ListingSnapshot.Found found = snapshot.isPresent() ? findInIndex(request, snapshot.get(), now) : findInDatabase(request, now);
        (snapshot.isPresent() ? indexSearches : databaseSearches).increment();
        List<ListingResponse> items = listings(found.ids(), snapshot.map(held -> held.seq).orElse(null), now);
        return Page.of(items, request.page(), found.total(), request.facets().isEmpty() ? null : facetValues(found));
    }

    /**
     * The listings with these ids, in this order, as answers. With the change log number {@code seq} the
     * caller checked, listings kept at that number are taken from memory (a listing changed since would
     * have moved the number on) and the rest read and kept; without it, all are read.
     */
    private List<ListingResponse> listings(List<Long> ids, Long seq, Instant now) {
        Map<Long, ListingResponse> byId = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            Kept listing = seq == null ? null : kept.getIfPresent(id);
            if (listing != null && listing.seq() == seq && listing.holdsAt(now)) {
                byId.put(id, listing.response());
            } else {
                missing.add(id);
            }
        }
        TaskListing.mapByIds(missing).forEach((id, listing) -> {
            ListingResponse response = ListingResponse.of(listing, now);
            byId.put(id, response);
            if (seq != null) {
                kept.put(id, new Kept(seq, response));
            }
        });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The search answered from a snapshot of the listings; words are matched by the database, once per word and snapshot. */
    ListingSnapshot.Found findInIndex(Request request, ListingSnapshot snapshot, Instant now) {
        BitSet wordMatches = null;
        for (String word : request.criteria().words()) {
            BitSet matches = snapshot.wordMatches(word, this::idsContaining);
            if (wordMatches == null) {
                wordMatches = (BitSet) matches.clone();
            } else {
                wordMatches.and(matches);
            }
        }
        return snapshot.search(request.criteria(), request.sort(), request.page().offset(), request.page().size(),
                request.facets(), now, wordMatches);
    }

    /** The ids of the listings whose text holds {@code word}, as the text filter of the SQL search matches it. */
    private List<Long> idsContaining(String word) {
        SqlFilter filter = new SqlFilter().andContainsWords("l.search_text", List.of(word));
        @SuppressWarnings("unchecked")
        List<Number> ids = filter.createQuery(entityManager, "select l.id from task_listing l" + filter.where()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The search answered by the database: a count, a page of ids, and a few queries per facet. */
    ListingSnapshot.Found findInDatabase(Request request, Instant now) {
        SqlFilter filter = request.criteria().toSql(now);
        long total = filter.number(entityManager, "select count(*) from task_listing l" + filter.where());
        List<Long> ids = new ArrayList<>();
        if (request.page().offset() < total) {
            @SuppressWarnings("unchecked")
            List<Number> found = filter.createQuery(entityManager,
                            "select l.id from task_listing l" + filter.where() + " order by " + request.sort().orderBy())
                    .setFirstResult((int) request.page().offset())
                    .setMaxResults(request.page().size())
                    .getResultList();
            found.forEach(id -> ids.add(id.longValue()));
        }
        Map<ListingFacet, Map<String, Long>> counts = new EnumMap<>(ListingFacet.class);
        for (ListingFacet facet : request.facets()) {
            SqlFilter without = request.criteria().without(facet).toSql(now);
            counts.put(facet, switch (facet) {
                case PLATFORM -> slugCounts(without, "l.platform_id", "platform");
                case TIER -> slugCounts(without, "l.pay_tier_id", "pay_tier");
                case TASK_TYPE -> valueCounts(without, "select l.task_type, count(*) from task_listing l" + without.where()
                        + " group by l.task_type");
                case STATUS -> valueCounts(without, "select s.status, count(*) from (select " + ListingCriteria.EFFECTIVE_STATUS
                        + " as status from task_listing l" + without.where() + ") s group by s.status");
                case LANGUAGE -> codeCounts(EligibilitySql.countLanguages(entityManager, "task_listing l", without,
                        "l.effective_eligibility_id", "l.platform_id"));
                case COUNTRY -> codeCounts(EligibilitySql.countCountries(entityManager, "task_listing l", without,
                        "l.effective_eligibility_id", "l.worldwide", "l.platform_id"));
            });
        }
        return new ListingSnapshot.Found(total, ids, counts);
    }

    /** The facets as the API shows them: values counted at least once, largest first. */
    private static Map<String, List<FacetValue>> facetValues(ListingSnapshot.Found found) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        found.facetCounts().forEach((facet, counts) -> facets.put(facet.parameterName(), counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .map(entry -> new FacetValue(entry.getKey(), entry.getValue()))
                .sorted(LARGEST_FIRST)
                .toList()));
        return facets;
    }

    private Map<String, Long> valueCounts(SqlFilter filter, String sql) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : filter.rows(entityManager, sql)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Counts per platform or tier ({@code column} of the listing, {@code table} holding the slugs), keyed by slug. */
    private Map<String, Long> slugCounts(SqlFilter filter, String column, String table) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : filter.rows(entityManager, "select s.slug, c.listings from (select " + column
                + " as id, count(*) as listings from task_listing l" + filter.where() + " group by " + column + ") c join "
                + table + " s on s.id = c.id")) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static Map<String, Long> codeCounts(Map<String, EligibilitySql.CodeCount> counts) {
        Map<String, Long> totals = new HashMap<>();
        counts.forEach((code, count) -> {
            if (count.count() > 0) {
                totals.put(code, count.count());
            }
        });
        return totals;
    }

    /** Resolves slugs to ids, rejecting any slug that names nothing: a typo must not silently empty a search. */
    private static Set<Long> idsOf(String name, Set<String> slugs, ParameterReader reader,
            Function<Set<String>, Map<String, Long>> lookup) {
        if (slugs.isEmpty()) {
            return Set.of();
        }
        Map<String, Long> ids = lookup.apply(slugs);
        slugs.stream().filter(slug -> !ids.containsKey(slug))
                .forEach(slug -> reader.reject(name, "no " + name + " has the slug '" + slug + "'"));
        return Set.copyOf(ids.values());
    }
}
