package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.platform.HiringStatus;
import dev.aitrainingdirectory.platform.PaymentMethod;
import dev.aitrainingdirectory.platform.TaskType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A parsed and validated listing search: every filter of {@code GET /api/listings}, with platforms
 * and tiers by slug (each known to exist). An empty set means "not filtered"; {@code text} is the
 * {@code q} as given, which the search engine reads as words. The platform's facts ({@code hiring} to
 * {@code monitoring}) filter by the listing's platform; null means "not filtered" for those not sets.
 */
public record ListingCriteria(
        String text,
        String country,
        Set<String> speaks,
        Set<String> holds,
        Set<String> languages,
        Set<String> platforms,
        Set<String> tiers,
        Set<TaskType> taskTypes,
        Set<ListingStatus> statuses,
        BigDecimal minPay,
        BigDecimal maxPay,
        boolean includeUnknownPay,
        Set<PayBasis> payBases,
        Instant postedAfter,
        Instant updatedAfter,
        Set<HiringStatus> hiring,
        Set<PaymentMethod> paymentMethods,
        Boolean assessmentPaid,
        Integer maxAssessmentMinutes,
        Boolean monitoring) {
}
