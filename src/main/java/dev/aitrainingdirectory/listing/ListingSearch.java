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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    public Page<ListingResponse> search(Request request) {
        Instant now = TimestampedEntity.now();
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
        Map<Long, TaskListing> byId = TaskListing.mapByIds(ids);
        List<ListingResponse> items = ids.stream().map(byId::get).filter(Objects::nonNull)
                .map(listing -> ListingResponse.of(listing, now)).toList();
        Map<String, List<FacetValue>> facets = request.facets().isEmpty() ? null : countFacets(request, now);
        return Page.of(items, request.page(), total, facets);
    }

    private Map<String, List<FacetValue>> countFacets(Request request, Instant now) {
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (ListingFacet facet : request.facets()) {
            SqlFilter filter = request.criteria().without(facet).toSql(now);
            Map<String, Long> counts = switch (facet) {
                case PLATFORM -> slugCounts(filter, "l.platform_id",
                        ids -> Platform.<Platform>list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, p -> p.slug)));
                case TIER -> slugCounts(filter, "l.pay_tier_id",
                        ids -> PayTier.<PayTier>list("id in ?1", ids).stream().collect(Collectors.toMap(t -> t.id, t -> t.slug)));
                case TASK_TYPE -> valueCounts(filter, "select l.task_type, count(*) from task_listing l" + filter.where()
                        + " group by l.task_type");
                case STATUS -> valueCounts(filter, "select s.status, count(*) from (select " + ListingCriteria.EFFECTIVE_STATUS
                        + " as status from task_listing l" + filter.where() + ") s group by s.status");
                case LANGUAGE -> codeCounts(EligibilitySql.countLanguages(entityManager, "task_listing l", filter,
                        "l.effective_eligibility_id", "l.platform_id"));
                case COUNTRY -> codeCounts(EligibilitySql.countCountries(entityManager, "task_listing l", filter,
                        "l.effective_eligibility_id", "l.worldwide", "l.platform_id"));
            };
            facets.put(facet.parameterName(), counts.entrySet().stream()
                    .filter(entry -> entry.getValue() > 0)
                    .map(entry -> new FacetValue(entry.getKey(), entry.getValue()))
                    .sorted(LARGEST_FIRST)
                    .toList());
        }
        return facets;
    }

    private Map<String, Long> valueCounts(SqlFilter filter, String sql) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : filter.rows(entityManager, sql)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private Map<String, Long> slugCounts(SqlFilter filter, String column, Function<List<Long>, Map<Long, String>> slugsOf) {
        Map<Long, Long> byId = new HashMap<>();
        for (Object[] row : filter.rows(entityManager,
                "select " + column + ", count(*) from task_listing l" + filter.where() + " group by " + column)) {
            byId.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        Map<Long, String> slugs = byId.isEmpty() ? Map.of() : slugsOf.apply(List.copyOf(byId.keySet()));
        Map<String, Long> counts = new HashMap<>();
        byId.forEach((id, count) -> counts.put(slugs.get(id), count));
        return counts;
    }

    private static Map<String, Long> codeCounts(Map<String, EligibilitySql.CodeCount> counts) {
        Map<String, Long> totals = new HashMap<>();
        counts.forEach((code, count) -> totals.put(code, count.count()));
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
