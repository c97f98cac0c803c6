package dev.aitrainingdirectory.listing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aitrainingdirectory.paging.PageRequest;
import dev.aitrainingdirectory.params.ParameterReader;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.platform.HiringStatus;
import dev.aitrainingdirectory.platform.PaymentMethod;
import dev.aitrainingdirectory.platform.Platform;
import dev.aitrainingdirectory.platform.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the parameters of a listing search: validates them all, answering one 400 that names each bad one. */
@ApplicationScoped
public class ListingSearch {

    /**
     * A validated search: what to find, in which order (null: by relevance when {@code q} holds words,
     * else newest first), which page and which facets to count.
     */
    public record Request(ListingCriteria criteria, ListingSort sort, PageRequest page, Set<ListingFacet> facets) {
    }

    /**
     * Slugs of platforms and tiers known to exist, so that a search names no typo without a query per
     * search. Slugs never change; a deleted one is known for at most a minute more (and finds nothing).
     */
    private final Cache<String, Boolean> knownSlugs = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    public Request parse(ListingSearchParams params) {
        ParameterReader reader = new ParameterReader();
        ListingSort sort = reader.sort(params.sort, ListingSort.byParameterValue(), null);
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

    /** The listing search's filters by parameter name, as a webhook may name them: all but the status and the page. */
    private static final Map<String, Field> FILTERS = Arrays.stream(ListingFilterParams.class.getDeclaredFields())
            .filter(field -> field.isAnnotationPresent(QueryParam.class))
            .filter(field -> !Set.of("status", "page", "size").contains(field.getAnnotation(QueryParam.class).value()))
            .collect(Collectors.toUnmodifiableMap(field -> field.getAnnotation(QueryParam.class).value(), field -> field));

    /** The names of the filters {@link #parseFilters} takes. */
    public static Set<String> filterNames() {
        return new TreeSet<>(FILTERS.keySet());
    }

    /**
     * Validates filters of the listing search given by parameter name, as a webhook keeps them, exactly as the search
     * validates its query (one 400 naming each bad one); the criteria find listings of every status.
     */
    public ListingCriteria parseFilters(Map<String, List<String>> filters) {
        ListingFilterParams params = new ListingFilterParams() {
        };
        ParameterReader reader = new ParameterReader();
        filters.forEach((name, values) -> {
            Field field = FILTERS.get(name);
            if (field == null) {
                reader.reject(name, "is not a filter of the listing search; the filters are " + String.join(", ", filterNames()));
                return;
            }
            try {
                field.set(params, values);
            } catch (IllegalAccessException impossible) {
                throw new IllegalStateException(impossible);
            }
        });
        params.status = List.of(Arrays.stream(ListingStatus.values()).map(Enum::name).collect(Collectors.joining(",")));
        return parse(params, null, EnumSet.noneOf(ListingFacet.class), reader).criteria();
    }

    private Request parse(ListingFilterParams params, ListingSort sort, Set<ListingFacet> facets, ParameterReader reader) {
        Set<ListingStatus> statuses = reader.enums("status", params.status, ListingStatus.class);
        if (params.status == null || params.status.isEmpty()) {
            statuses = EnumSet.of(ListingStatus.OPEN);
        }
        ListingCriteria criteria = new ListingCriteria(
                reader.text("q", params.q),
                reader.country("country", params.country),
                reader.languages("speaks", params.speaks),
                reader.slugs("holds", params.holds),
                reader.languages("language", params.language),
                known("platform", reader.slugs("platform", params.platform), reader,
                        slugs -> Platform.listBySlugs(slugs).stream().collect(Collectors.toMap(p -> p.slug, p -> p.id))),
                known("tier", reader.slugs("tier", params.tier), reader,
                        slugs -> PayTier.listBySlugs(slugs).stream().collect(Collectors.toMap(t -> t.slug, t -> t.id))),
                reader.enums("taskType", params.taskType, TaskType.class),
                statuses,
                reader.amount("minPay", params.minPay),
                reader.amount("maxPay", params.maxPay),
                Boolean.TRUE.equals(reader.bool("includeUnknownPay", params.includeUnknownPay)),
                reader.enums("payBasis", params.payBasis, PayBasis.class),
                reader.instant("postedAfter", params.postedAfter),
                reader.instant("updatedAfter", params.updatedAfter),
                reader.enums("hiring", params.hiring, HiringStatus.class),
                reader.enums("paymentMethod", params.paymentMethod, PaymentMethod.class),
                reader.bool("assessmentPaid", params.assessmentPaid),
                reader.optionalInteger("maxAssessmentMinutes", params.maxAssessmentMinutes, 0, 1440),
                reader.bool("monitoring", params.monitoring));
        if (criteria.minPay() != null && criteria.maxPay() != null && criteria.minPay().compareTo(criteria.maxPay()) > 0) {
            reader.reject("minPay", "must not be above maxPay");
        }
        PageRequest page = reader.pageRequest(params.page, params.size);
        reader.requireValid();
        return new Request(criteria, sort, page, facets);
    }

    /** Rejects any slug that names nothing: a typo must not silently empty a search. */
    private Set<String> known(String name, Set<String> slugs, ParameterReader reader, Function<Set<String>, Map<String, Long>> lookup) {
        Set<String> unknown = slugs.stream().filter(slug -> knownSlugs.getIfPresent(name + ":" + slug) == null)
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            Map<String, Long> found = lookup.apply(unknown);
            for (String slug : unknown) {
                if (found.containsKey(slug)) {
                    knownSlugs.put(name + ":" + slug, Boolean.TRUE);
                } else {
                    reader.reject(name, "no " + name + " has the slug '" + slug + "'");
                }
            }
        }
        return Set.copyOf(slugs);
    }
}
