package dev.aitrainingdirectory.paytier;

import dev.aitrainingdirectory.curation.Curated;
import dev.aitrainingdirectory.persistence.Money;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;

/** What is a pay tier's own in its writes: its range rule, what uses it, and that a renamed tier reaches its listings. */
@ApplicationScoped
public class PayTierService extends Curated<String, PayTier, PayTierRequest> {

    /** Listings and platforms are counted by table, not through their entities: those build on tiers, not tiers on them. */
    private static final Definition<String, PayTier, PayTierRequest> DEFINITION = new Definition<>("pay tier", "slug",
            PayTierRequest.class, PayTier::findBySlug, tier -> tier.slug, PayTierRequest::slug, PayTierRequest::of, PayTier::new,
            List.of(new Reference("listing", "listings", "select count(*) from task_listing l join pay_tier t on l.pay_tier_id = t.id"
                            + " where t.slug = :key"),
                    new Reference("platform", "platforms", "select count(*) from platform_pay_tier p join pay_tier t"
                            + " on p.pay_tier_id = t.id where t.slug = :key")));

    public PayTierService() {
        super(DEFINITION);
    }

    @Inject
    Event<PayTierChanged> changed;

    @Override
    public Consumer<PayTier> check(String slug, PayTierRequest request, PayTier existing, List<FieldError> errors) {
        PayRange range = request.publishedRange();
        if (range != null && range.min() != null && range.max() != null && range.min().compareTo(range.max()) > 0) {
            errors.add(new FieldError("publishedRange.min", "must not be above publishedRange.max"));
        }
        return tier -> {
            boolean renamed = tier.name != null && !tier.name.equals(request.name());
            tier.slug = slug;
            tier.updatedAt = TimestampedEntity.now();
            tier.name = request.name();
            tier.description = request.description();
            tier.rangeMin = Money.stored(range.min());
            tier.rangeMax = Money.stored(range.max());
            tier.rangeCurrency = range.currency();
            if (renamed) {
                changed.fire(new PayTierChanged(tier));
            }
        };
    }
}
