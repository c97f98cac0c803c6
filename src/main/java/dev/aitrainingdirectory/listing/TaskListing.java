package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.eligibility.Eligibility;
import dev.aitrainingdirectory.exchangerate.ExchangeRate;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.persistence.SortKey;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.platform.Platform;
import dev.aitrainingdirectory.platform.TaskType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A piece of work open, or once open, on a platform. */
@Entity
@Table(name = "task_listing")
public class TaskListing extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_listing_seq")
    @SequenceGenerator(name = "task_listing_seq", sequenceName = "task_listing_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "platform_id", nullable = false)
    public Platform platform;

    @Column(name = "external_id", nullable = false, length = 200)
    public String externalId;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, length = 8000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "task_type", nullable = false, length = 40)
    public TaskType taskType;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "pay_tier_id", nullable = false)
    public PayTier payTier;

    @Column(name = "pay_min", precision = 10, scale = 2)
    public BigDecimal payMin;

    @Column(name = "pay_max", precision = 10, scale = 2)
    public BigDecimal payMax;

    @Column(name = "pay_currency", length = 3)
    public String payCurrency;

    @Enumerated(EnumType.STRING)
    @Column(name = "pay_unit", length = 8)
    public PayUnit payUnit;

    /** With {@link PayUnit#TASK}: the minutes one task takes, from which its hourly pay is estimated. */
    @Column(name = "minutes_per_task", precision = 5, scale = 1)
    public BigDecimal minutesPerTask;

    /** The ranges that replace the listing's own for contributors in some countries, as JSON; null when none. */
    @Column(name = "pay_by_country", length = 8000)
    public String payByCountry;

    /** The lowest pay as hourly USD ({@link HourlyUsd}), null when it cannot be known: what {@code maxPay} compares. */
    @Column(name = "hourly_usd_min", precision = 20, scale = 2)
    public BigDecimal hourlyUsdMin;

    /** The highest pay as hourly USD, null when it cannot be known: what {@code minPay} and the pay sort use. */
    @Column(name = "hourly_usd_max", precision = 20, scale = 2)
    public BigDecimal hourlyUsdMax;

    @Enumerated(EnumType.STRING)
    @Column(name = "hourly_basis", length = 16)
    public PayBasis hourlyBasis;

    /** The exchange rate the hourly figures were derived with (US dollars per unit), null for pay in USD. */
    @Column(name = "usd_rate", precision = 20, scale = 10)
    public BigDecimal usdRate;

    @Column(name = "usd_rate_as_of")
    public LocalDate usdRateAsOf;

    /** The status curators set; {@link #effectiveStatus(Instant)} is what clients see. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ListingStatus status;

    @Column(name = "apply_url", nullable = false, length = 2048)
    public String applyUrl;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_verified_at")
    public Instant lastVerifiedAt;

    /** The listing's own rules, as curators wrote them. */
    @OneToOne(optional = false, fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "eligibility_id", nullable = false)
    public Eligibility eligibility;

    /** Its platform's rules AND its own, kept in step on every write: what the search filters on. */
    @OneToOne(optional = false, fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "effective_eligibility_id", nullable = false)
    public Eligibility effectiveEligibility;

    /** The title's {@link SortKey}, what {@code sort=title} orders by. */
    @Column(name = "title_sort_key", nullable = false)
    public byte[] titleSortKey;

    /** The status as it was read from the database; null for a listing not yet stored. What {@link ListingEvent} compares. */
    @Transient
    ListingStatus loadedStatus;

    @PostLoad
    void rememberLoadedStatus() {
        loadedStatus = status;
    }

    /** The status a client sees: a listing past its {@code expiresAt} is CLOSED whatever was stored. */
    public ListingStatus effectiveStatus(Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return ListingStatus.CLOSED;
        }
        return status;
    }

    /**
     * Recomputes the columns derived from the other fields, with {@code rate} the exchange rate of the pay's
     * currency (null for USD or when there is none); call after any change of either.
     */
    public void refreshDerivedColumns(ExchangeRate rate) {
        titleSortKey = SortKey.of(title);
        usdRate = rate == null ? null : rate.rate;
        usdRateAsOf = rate == null ? null : rate.asOf;
        HourlyUsd hourly = payUnit == null ? null : hourlyUsd(payMin, payMax);
        hourlyUsdMin = hourly == null ? null : hourly.min();
        hourlyUsdMax = hourly == null ? null : hourly.max();
        hourlyBasis = hourly == null ? null : hourly.basis();
    }

    /**
     * The listing's own pay as hourly USD, as derived at its last write or rate change; null when it has no pay
     * or its hourly pay cannot be known.
     */
    public HourlyUsd hourlyUsd() {
        return hourlyBasis == null ? null : new HourlyUsd(hourlyUsdMin, hourlyUsdMax, hourlyBasis, usdRate, usdRateAsOf, null);
    }

    /** A range of this listing's pay (its own or one by country) as hourly USD; null when it cannot be known. */
    public HourlyUsd hourlyUsd(BigDecimal min, BigDecimal max) {
        return HourlyUsd.of(min, max, payCurrency, payUnit, minutesPerTask, usdRate, usdRateAsOf);
    }

    /** The ranges by country, as written; none when the listing has none. */
    public List<ListingRequest.CountryPayRequest> countryPay() {
        return CountryPayColumn.read(payByCountry);
    }

    /** The listings with these ids, with platform, tier and rules loaded, keyed by id. */
    public static Map<Long, TaskListing> mapByIds(Collection<Long> ids) {
        Map<Long, TaskListing> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        List<TaskListing> listings = find("select l from TaskListing l join fetch l.platform join fetch l.payTier"
                + " join fetch l.eligibility join fetch l.effectiveEligibility where l.id in ?1", ids).list();
        listings.forEach(listing -> byId.put(listing.id, listing));
        return byId;
    }

    public static Optional<TaskListing> findWithDetails(long id) {
        return mapByIds(List.of(id)).values().stream().findFirst();
    }
}
