package dev.aitrainingdirectory.paytier;

import dev.aitrainingdirectory.listing.ListingCriteria;
import dev.aitrainingdirectory.persistence.SqlFilter;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Computes what the open, hourly USD listings of a tier pay. */
@ApplicationScoped
public class PayTierObservations {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Inject
    EntityManager entityManager;

    public ObservedPay observe(PayTier tier) {
        SqlFilter filter = new SqlFilter().bind("now", TimestampedEntity.now()).and(ListingCriteria.OPEN)
                .and("l.pay_tier_id = :tierId", "tierId", tier.id)
                .and("l.hourly_usd_max is not null");
        Object[] summary = filter.rows(entityManager,
                "select count(*), min(l.hourly_usd_min), max(l.hourly_usd_max) from task_listing l" + filter.where()).get(0);
        long count = ((Number) summary[0]).longValue();
        if (count == 0) {
            return new ObservedPay(0, null, null, null);
        }
        // The median midpoint: the middle one, or the mean of the middle two, read by offset so only they are fetched.
        @SuppressWarnings("unchecked")
        List<Number> middle = filter.createQuery(entityManager, "select l.hourly_usd_min + l.hourly_usd_max from task_listing l"
                        + filter.where() + " order by l.hourly_usd_min + l.hourly_usd_max")
                .setFirstResult((int) ((count - 1) / 2))
                .setMaxResults(count % 2 == 0 ? 2 : 1)
                .getResultList();
        BigDecimal sumOfMiddle = middle.stream().map(value -> new BigDecimal(value.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal median = sumOfMiddle.divide(TWO.multiply(BigDecimal.valueOf(middle.size())), 2, RoundingMode.HALF_EVEN);
        return new ObservedPay(count, scaled(summary[1]), median, scaled(summary[2]));
    }

    private static BigDecimal scaled(Object value) {
        return new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_EVEN);
    }
}
