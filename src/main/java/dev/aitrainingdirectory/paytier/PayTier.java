package dev.aitrainingdirectory.paytier;

import dev.aitrainingdirectory.persistence.Slugs;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A band of work and its published hourly range, such as Coding at 30-55 USD an hour. */
@Entity
@Table(name = "pay_tier")
public class PayTier extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pay_tier_seq")
    @SequenceGenerator(name = "pay_tier_seq", sequenceName = "pay_tier_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String slug;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false, length = 4000)
    public String description;

    @Column(name = "range_min", nullable = false, precision = 10, scale = 2)
    public BigDecimal rangeMin;

    @Column(name = "range_max", nullable = false, precision = 10, scale = 2)
    public BigDecimal rangeMax;

    @Column(name = "range_currency", nullable = false, length = 3)
    public String rangeCurrency;

    public static Optional<PayTier> findBySlug(String slug) {
        // A string that is no slug names nothing, and may hold what a database cannot compare (NUL).
        if (slug == null || !Slugs.isSlug(slug)) {
            return Optional.empty();
        }
        return find("slug", slug).firstResultOptional();
    }

    public static List<PayTier> listBySlugs(Collection<String> slugs) {
        return list("slug in ?1", slugs);
    }

    /**
     * Every tier, ordered by the bottom of its published range (cheapest work first), then slug. Sorted
     * here, not by the database, whose collation could order slugs differently (a handful of tiers).
     */
    public static List<PayTier> listAllInRangeOrder() {
        return PayTier.<PayTier>listAll().stream()
                .sorted(Comparator.comparing((PayTier tier) -> tier.rangeMin).thenComparing(tier -> tier.slug))
                .toList();
    }
}
