package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.eligibility.EligibilitySql;
import dev.aitrainingdirectory.persistence.SqlFilter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed and validated listing search: every filter of {@code GET /api/listings}, with platforms
 * and tiers already resolved to ids. An empty set means "not filtered".
 */
public record ListingCriteria(
        List<String> words,
        String country,
        Set<String> speaks,
        Set<String> holds,
        Set<String> languages,
        Set<Long> platformIds,
        Set<Long> tierIds,
        Set<TaskType> taskTypes,
        Set<ListingStatus> statuses,
        BigDecimal minPay,
        BigDecimal maxPay,
        boolean includeUnknownPay,
        Instant postedAfter,
        Instant updatedAfter) {

    /** Open listings, the default of a search: not CLOSED, not PAUSED, not past their expiry. */
    public static final String OPEN = "l.status = 'OPEN' and (l.expires_at is null or l.expires_at > :now)";

    /** The SQL expression of a listing's effective status, as clients see it. */
    public static final String EFFECTIVE_STATUS =
            "case when l.status <> 'CLOSED' and l.expires_at <= :now then 'CLOSED' else l.status end";

    /** The same search with one facet's own filter left out, for disjunctive facet counts. */
    public ListingCriteria without(ListingFacet facet) {
        return new ListingCriteria(words,
                facet == ListingFacet.COUNTRY ? null : country,
                speaks, holds,
                facet == ListingFacet.LANGUAGE ? Set.of() : languages,
                facet == ListingFacet.PLATFORM ? Set.of() : platformIds,
                facet == ListingFacet.TIER ? Set.of() : tierIds,
                facet == ListingFacet.TASK_TYPE ? Set.of() : taskTypes,
                facet == ListingFacet.STATUS ? Set.of() : statuses,
                minPay, maxPay, includeUnknownPay, postedAfter, updatedAfter);
    }

    /** The conditions on {@code task_listing l} that select exactly the listings this search finds. */
    public SqlFilter toSql(Instant now) {
        SqlFilter filter = new SqlFilter().bind("now", now);
        filter.andContainsWords("l.search_text", words);
        if (country != null) {
            filter.and(EligibilitySql.allowsCountry("l.effective_eligibility_id", "l.worldwide", "country"), "country", country);
        }
        if (!speaks.isEmpty()) {
            filter.and(EligibilitySql.requiresOnlyLanguagesIn("l.effective_eligibility_id", "speaks"), "speaks", speaks);
        }
        if (!holds.isEmpty()) {
            filter.and(EligibilitySql.requiresOnlyCredentialsIn("l.effective_eligibility_id", "holds"), "holds", holds);
        }
        if (!languages.isEmpty()) {
            filter.and(EligibilitySql.requiresAnyLanguageOf("l.effective_eligibility_id", "languages"), "languages", languages);
        }
        if (!platformIds.isEmpty()) {
            filter.and("l.platform_id in (:platformIds)", "platformIds", platformIds);
        }
        if (!tierIds.isEmpty()) {
            filter.and("l.pay_tier_id in (:tierIds)", "tierIds", tierIds);
        }
        if (!taskTypes.isEmpty()) {
            filter.and("l.task_type in (:taskTypes)", "taskTypes", taskTypes.stream().map(Enum::name).toList());
        }
        addStatus(filter);
        addPay(filter);
        if (postedAfter != null) {
            filter.and("l.posted_at > :postedAfter", "postedAfter", storedPrecision(postedAfter));
        }
        if (updatedAfter != null) {
            filter.and("l.updated_at > :updatedAfter", "updatedAfter", storedPrecision(updatedAfter));
        }
        return filter;
    }

    /**
     * A lower bound at the microseconds timestamps are stored with. PostgreSQL's driver rounds a finer
     * bound (so "after .1234569" would miss a listing posted at .123457) while H2 compares it as given;
     * for {@code stored > bound}, truncating the bound gives the exact answer on both.
     */
    private static Instant storedPrecision(Instant bound) {
        return bound.truncatedTo(ChronoUnit.MICROS);
    }

    private void addStatus(SqlFilter filter) {
        if (statuses.isEmpty() || statuses.size() == ListingStatus.values().length) {
            return;
        }
        Set<ListingStatus> live = EnumSet.copyOf(statuses);
        live.remove(ListingStatus.CLOSED);
        String liveCondition = "(l.status in (:liveStatuses) and (l.expires_at is null or l.expires_at > :now))";
        String closedCondition = "(l.status = 'CLOSED' or l.expires_at <= :now)";
        if (live.isEmpty()) {
            filter.and(closedCondition);
            return;
        }
        filter.bind("liveStatuses", live.stream().map(Enum::name).toList());
        filter.and(statuses.contains(ListingStatus.CLOSED) ? "(" + liveCondition + " or " + closedCondition + ")" : liveCondition);
    }

    private void addPay(SqlFilter filter) {
        String known;
        if (minPay != null && maxPay != null) {
            known = "l.hourly_usd_max >= :minPay and l.hourly_usd_min <= :maxPay";
            filter.bind("minPay", minPay).bind("maxPay", maxPay);
        } else if (minPay != null) {
            known = "l.hourly_usd_max >= :minPay";
            filter.bind("minPay", minPay);
        } else if (maxPay != null) {
            known = "l.hourly_usd_min <= :maxPay";
            filter.bind("maxPay", maxPay);
        } else {
            return;
        }
        filter.and(includeUnknownPay ? "(l.hourly_usd_max is null or (" + known + "))" : "(" + known + ")");
    }
}
