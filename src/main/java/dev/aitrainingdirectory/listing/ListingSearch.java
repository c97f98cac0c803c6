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
        Map<Long, TaskListing> byId = TaskListing.mapByIds(found.ids());
        List<ListingResponse> items = found.ids().stream().map(byId::get).filter(Objects::nonNull)
                .map(listing -> ListingResponse.of(listing, now)).toList();
        return Page.of(items, request.page(), found.total(), request.facets().isEmpty() ? null : facetValues(found));
    }

    /** The search answered from a snapshot of the listings. */
    ListingSnapshot.Found findInIndex(Request request, ListingSnapshot snapshot, Instant now) {
        BitSet wordMatches = null;
        List<String> words = request.criteria().words();
        if (!words.isEmpty()) {
            SqlFilter filter = new SqlFilter().andContainsWords("l.search_text", words);
            wordMatches = new BitSet(snapshot.size());
            for (Object id : filter.createQuery(entityManager, "select l.id from task_listing l" + filter.where()).getResultList()) {
                int ordinal = snapshot.ordinalOf(((Number) id).longValue());
                if (ordinal >= 0) {
                    wordMatches.set(ordinal);
                }
            }
        }
        return snapshot.search(request.criteria(), request.sort(), request.page().offset(), request.page().size(),
                request.facets(), now, wordMatches);
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
        Map<ListingFacet, Map<Object, Long>> counts = new EnumMap<>(ListingFacet.class);
        for (ListingFacet facet : request.facets()) {
            SqlFilter without = request.criteria().without(facet).toSql(now);
            counts.put(facet, switch (facet) {
                case PLATFORM -> idCounts(without, "l.platform_id");
                case TIER -> idCounts(without, "l.pay_tier_id");
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

    /** The facets as the API shows them: platforms and tiers by slug, values counted at least once, largest first. */
    private Map<String, List<FacetValue>> facetValues(ListingSnapshot.Found found) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        found.facetCounts().forEach((facet, counts) -> {
            Map<Object, String> names = switch (facet) {
                case PLATFORM -> slugs(counts, ids -> Platform.<Platform>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(p -> p.id, p -> p.slug)));
                case TIER -> slugs(counts, ids -> PayTier.<PayTier>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(t -> t.id, t -> t.slug)));
                default -> null;
            };
            facets.put(facet.parameterName(), counts.entrySet().stream()
                    .filter(entry -> entry.getValue() > 0)
                    .map(entry -> new FacetValue(names == null ? (String) entry.getKey() : names.get(entry.getKey()),
                            entry.getValue()))
                    .sorted(LARGEST_FIRST)
                    .toList());
        });
        return facets;
    }

    private static Map<Object, String> slugs(Map<Object, Long> counts, Function<List<Long>, Map<Long, String>> slugsOf) {
        if (counts.isEmpty()) {
            return Map.of();
        }
        Map<Object, String> slugs = new HashMap<>();
        slugsOf.apply(counts.keySet().stream().map(id -> (Long) id).toList()).forEach(slugs::put);
        return slugs;
    }

    private Map<Object, Long> valueCounts(SqlFilter filter, String sql) {
        Map<Object, Long> counts = new HashMap<>();
        for (Object[] row : filter.rows(entityManager, sql)) {
            counts.put(row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private Map<Object, Long> idCounts(SqlFilter filter, String column) {
        Map<Object, Long> counts = new HashMap<>();
        for (Object[] row : filter.rows(entityManager,
                "select " + column + ", count(*) from task_listing l" + filter.where() + " group by " + column)) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static Map<Object, Long> codeCounts(Map<String, EligibilitySql.CodeCount> counts) {
        Map<Object, Long> totals = new HashMap<>();
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
