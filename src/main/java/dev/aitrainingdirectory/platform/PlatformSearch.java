package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.EligibilitySql;
import dev.aitrainingdirectory.paging.Page;
import dev.aitrainingdirectory.paging.PageRequest;
import dev.aitrainingdirectory.params.ParameterReader;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.persistence.SortKey;
import dev.aitrainingdirectory.persistence.SqlFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs the platform list: validates the filters, finds one page and counts each platform's open listings. */
@ApplicationScoped
public class PlatformSearch {

    /** A validated platform list request; {@code orderBy} null for the order by open listings. */
    public record Request(SqlFilter filter, String orderBy, PageRequest page) {
    }

    /** The order by open listings, which the listing search counts: applied here, after the database's filter. */
    private static final String BY_OPEN_LISTINGS = "-openListings";
    private static final String BY_SLUG = SortKey.slugOrder("p.slug");

    private static final Map<String, String> ORDERS = orders();

    @Inject
    EntityManager entityManager;
    @Inject
    OpenListingCounts openListingCounts;

    public Request parse(PlatformSearchParams params) {
        ParameterReader reader = new ParameterReader();
        SqlFilter filter = new SqlFilter();
        filter.andContainsWords("p.search_text", reader.words("q", params.q));
        String country = reader.country("country", params.country);
        if (country != null) {
            filter.and(EligibilitySql.allowsCountry("p.eligibility_id", EligibilitySql.listsNoCountry("p.eligibility_id"), "country"),
                    "country", country);
        }
        Set<String> speaks = reader.languages("speaks", params.speaks);
        if (!speaks.isEmpty()) {
            filter.and(EligibilitySql.requiresOnlyLanguagesIn("p.eligibility_id", "speaks"), "speaks", speaks);
        }
        Set<TaskType> taskTypes = reader.enums("taskType", params.taskType, TaskType.class);
        if (!taskTypes.isEmpty()) {
            filter.and("exists (select 1 from platform_task_type t where t.platform_id = p.id and t.task_type in (:taskTypes))",
                    "taskTypes", taskTypes.stream().map(Enum::name).toList());
        }
        Set<String> tierSlugs = reader.slugs("tier", params.tier);
        if (!tierSlugs.isEmpty()) {
            Map<String, Long> tierIds = PayTier.listBySlugs(tierSlugs).stream().collect(Collectors.toMap(t -> t.slug, t -> t.id));
            tierSlugs.stream().filter(slug -> !tierIds.containsKey(slug))
                    .forEach(slug -> reader.reject("tier", "no tier has the slug '" + slug + "'"));
            filter.and("exists (select 1 from platform_pay_tier t where t.platform_id = p.id and t.pay_tier_id in (:tierIds))",
                    "tierIds", Set.copyOf(tierIds.values()));
        }
        Set<PaymentMethod> methods = reader.enums("paymentMethod", params.paymentMethod, PaymentMethod.class);
        if (!methods.isEmpty()) {
            String offeredThere = country == null ? "" : " and (not exists (select 1 from platform_payment_country c"
                    + " where c.platform_id = p.id and c.payment_method = m.payment_method) or exists (select 1 from"
                    + " platform_payment_country c where c.platform_id = p.id and c.payment_method = m.payment_method"
                    + " and c.country = :country))";
            filter.and("exists (select 1 from platform_payment_method m where m.platform_id = p.id"
                    + " and m.payment_method in (:methods)" + offeredThere + ")", "methods", methods.stream().map(Enum::name).toList());
        }
        Set<HiringStatus> hiring = reader.enums("hiring", params.hiring, HiringStatus.class);
        if (!hiring.isEmpty()) {
            List<String> statuses = hiring.stream().map(Enum::name).toList();
            filter.and(country == null ? "p.hiring_status in (:hiring)"
                    : "(exists (select 1 from platform_hiring_country h where h.platform_id = p.id and h.country = :country"
                            + " and h.status in (:hiring)) or (p.hiring_status in (:hiring) and not exists (select 1 from"
                            + " platform_hiring_country h where h.platform_id = p.id and h.country = :country)))",
                    "hiring", statuses);
        }
        Boolean assessmentPaid = reader.bool("assessmentPaid", params.assessmentPaid);
        if (assessmentPaid != null) {
            filter.and(assessmentPaid ? "(p.assessment_required = false or p.assessment_paid = true)"
                    : "(p.assessment_required = true and p.assessment_paid = false)");
        }
        Integer maxMinutes = reader.optionalInteger("maxAssessmentMinutes", params.maxAssessmentMinutes, 0, 1440);
        if (maxMinutes != null) {
            filter.and("(p.assessment_required = false or p.assessment_minutes <= :maxMinutes)", "maxMinutes", maxMinutes);
        }
        Boolean monitoring = reader.bool("monitoring", params.monitoring);
        if (monitoring != null) {
            filter.and("p.monitoring_software = :monitoring", "monitoring", monitoring);
        }
        Set<Audience> audiences = reader.enums("audience", params.audience, Audience.class);
        if (!audiences.isEmpty()) {
            filter.and("p.audience in (:audiences)", "audiences", audiences.stream().map(Enum::name).toList());
        }
        Boolean assessmentRequired = reader.bool("assessmentRequired", params.assessmentRequired);
        if (assessmentRequired != null) {
            filter.and("p.assessment_required = :assessmentRequired", "assessmentRequired", assessmentRequired);
        }
        String orderBy = reader.sort(params.sort, ORDERS, ORDERS.get("name"));
        if (BY_OPEN_LISTINGS.equals(orderBy)) {
            orderBy = null;
        }
        PageRequest page = reader.pageRequest(params.page, params.size);
        reader.requireValid();
        return new Request(filter, orderBy, page);
    }

    public Page<PlatformResponse> search(Request request) {
        SqlFilter filter = request.filter();
        Map<String, Long> open = openListingCounts.bySlug();
        long total = filter.number(entityManager, "select count(*) from platform p" + filter.where());
        List<Long> ids = List.of();
        if (request.orderBy() == null) {
            @SuppressWarnings("unchecked")
            List<Object[]> all = filter.createQuery(entityManager, "select p.id, p.slug from platform p" + filter.where()
                    + " order by " + BY_SLUG).getResultList();
            ids = all.stream()
                    .sorted(Comparator.comparingLong((Object[] row) -> open.getOrDefault((String) row[1], 0L)).reversed())
                    .skip(request.page().offset())
                    .limit(request.page().size())
                    .map(row -> ((Number) row[0]).longValue())
                    .toList();
        } else if (request.page().offset() < total) {
            @SuppressWarnings("unchecked")
            List<Number> found = filter.createQuery(entityManager,
                            "select p.id from platform p" + filter.where() + " order by " + request.orderBy())
                    .setFirstResult((int) request.page().offset())
                    .setMaxResults(request.page().size())
                    .getResultList();
            ids = found.stream().map(Number::longValue).toList();
        }
        Map<Long, Platform> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            Platform.<Platform>list("select p from Platform p join fetch p.eligibility where p.id in ?1", ids)
                    .forEach(platform -> byId.put(platform.id, platform));
        }
        List<PlatformResponse> items = ids.stream().map(byId::get).filter(Objects::nonNull)
                .map(platform -> PlatformResponse.of(platform, open.getOrDefault(platform.slug, 0L))).toList();
        return Page.of(items, request.page(), total, null);
    }

    /** How many open listings a platform has. */
    public long openListings(Platform platform) {
        return openListingCounts.bySlug().getOrDefault(platform.slug, 0L);
    }

    private static Map<String, String> orders() {
        Map<String, String> orders = new LinkedHashMap<>();
        orders.put("name", "p.name_sort_key, " + BY_SLUG);
        orders.put(BY_OPEN_LISTINGS, BY_OPEN_LISTINGS);
        orders.put("-updatedAt", "p.updated_at desc, " + BY_SLUG);
        return orders;
    }
}
