package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.Eligibility;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.persistence.SearchText;
import dev.aitrainingdirectory.persistence.Slugs;
import dev.aitrainingdirectory.persistence.SortKey;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** A platform where contributors do the work, such as DataAnnotation or Outlier. */
@Entity
@Table(name = "platform")
public class Platform extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "platform_seq")
    @SequenceGenerator(name = "platform_seq", sequenceName = "platform_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 64)
    public String slug;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(name = "website_url", nullable = false, length = 2048)
    public String websiteUrl;

    @Column(nullable = false, length = 4000)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Audience audience;

    @ElementCollection
    @CollectionTable(name = "platform_task_type", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "task_type", nullable = false, length = 40)
    @Enumerated(EnumType.STRING)
    public Set<TaskType> taskTypes = EnumSet.noneOf(TaskType.class);

    @ManyToMany
    @JoinTable(name = "platform_pay_tier", joinColumns = @JoinColumn(name = "platform_id"),
            inverseJoinColumns = @JoinColumn(name = "pay_tier_id"))
    public Set<PayTier> payTiers = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "platform_payment_method", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "payment_method", nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    public Set<PaymentMethod> paymentMethods = EnumSet.noneOf(PaymentMethod.class);

    @Enumerated(EnumType.STRING)
    @Column(name = "payout_schedule", length = 32)
    public PayoutSchedule payoutSchedule;

    @Column(name = "assessment_required", nullable = false)
    public boolean assessmentRequired;

    @Column(name = "identity_verification", nullable = false)
    public boolean identityVerification;

    @Enumerated(EnumType.STRING)
    @Column(name = "hiring_status", nullable = false, length = 16)
    public HiringStatus hiringStatus = HiringStatus.OPEN;

    /** The countries whose hiring status differs from {@link #hiringStatus}; every listing answer shows it, so loaded with the platform. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "platform_hiring_country", joinColumns = @JoinColumn(name = "platform_id"))
    @MapKeyColumn(name = "country", length = 2)
    @Column(name = "status", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    public Map<String, HiringStatus> hiringByCountry = new HashMap<>();

    @Column(name = "hiring_verified_at")
    public Instant hiringVerifiedAt;

    @ElementCollection
    @CollectionTable(name = "platform_official_domain", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "domain", nullable = false, length = 253)
    public Set<String> officialDomains = new HashSet<>();

    /** Null when unknown, and when no assessment is required. */
    @Column(name = "assessment_paid")
    public Boolean assessmentPaid;

    /** Null when unknown, and when no assessment is required. */
    @Column(name = "assessment_minutes")
    public Integer assessmentMinutes;

    @Column(name = "monitoring_software", nullable = false)
    public boolean monitoringSoftware;

    @Column(name = "minimum_age")
    public Integer minimumAge;

    @ElementCollection
    @CollectionTable(name = "platform_device", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "device", nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    public Set<Device> devices = EnumSet.noneOf(Device.class);

    @ElementCollection
    @CollectionTable(name = "platform_tax_form", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "tax_form", nullable = false, length = 20)
    public Set<String> taxForms = new HashSet<>();

    /** Payment methods offered only in some countries, a row per country; a method without rows is offered everywhere. */
    @ElementCollection
    @CollectionTable(name = "platform_payment_country", joinColumns = @JoinColumn(name = "platform_id"))
    public Set<PaymentCountry> paymentCountries = new HashSet<>();

    @Column(name = "minimum_payout_amount", precision = 12, scale = 2)
    public BigDecimal minimumPayoutAmount;

    @Column(name = "minimum_payout_currency", length = 3)
    public String minimumPayoutCurrency;

    @Column(name = "first_payout_hold_days")
    public Integer firstPayoutHoldDays;

    @OneToOne(optional = false, fetch = FetchType.LAZY, cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "eligibility_id", nullable = false)
    public Eligibility eligibility;

    /** Name and description in lower case, what the {@code q} filter matches words against. */
    @Column(name = "search_text", nullable = false, length = 4200)
    public String searchText;

    /** The name's {@link SortKey}, what {@code sort=name} orders by. */
    @Column(name = "name_sort_key", nullable = false)
    public byte[] nameSortKey;

    public static Optional<Platform> findBySlug(String slug) {
        // A string that is no slug names nothing, and may hold what a database cannot compare (NUL).
        if (slug == null || !Slugs.isSlug(slug)) {
            return Optional.empty();
        }
        return find("slug", slug).firstResultOptional();
    }

    public static List<Platform> listBySlugs(Collection<String> slugs) {
        return list("slug in ?1", slugs);
    }

    /** What the listings of a platform show of it, or are searched by: when it changes, they change. */
    public record ListingFacts(String name, Object rules, PlatformHiring hiring, Set<PaymentMethod> paymentMethods,
            Set<PaymentCountry> paymentCountries, Assessment assessment, boolean monitoringSoftware) {
    }

    public ListingFacts listingFacts() {
        return new ListingFacts(name, eligibility.toRules(), hiring(), Set.copyOf(paymentMethods), Set.copyOf(paymentCountries),
                assessment(), monitoringSoftware);
    }

    public PlatformHiring hiring() {
        return new PlatformHiring(hiringStatus, new TreeMap<>(hiringByCountry), hiringVerifiedAt);
    }

    public Assessment assessment() {
        return assessmentRequired ? new Assessment(true, assessmentPaid, assessmentMinutes) : Assessment.NONE;
    }

    /** The methods offered only in some countries, by method, countries in order. */
    public List<PaymentMethodCountries> paymentMethodCountries() {
        Map<PaymentMethod, SortedSet<String>> byMethod = new EnumMap<>(PaymentMethod.class);
        paymentCountries.forEach(row -> byMethod.computeIfAbsent(row.method, method -> new TreeSet<>()).add(row.country));
        return byMethod.entrySet().stream()
                .map(entry -> new PaymentMethodCountries(entry.getKey(), List.copyOf(entry.getValue()))).toList();
    }

    public MinimumPayout minimumPayout() {
        return minimumPayoutAmount == null ? null : new MinimumPayout(minimumPayoutAmount, minimumPayoutCurrency);
    }

    /** Keeps the columns derived from name and description in step: the search text and the name's sort key. */
    public void refreshSearchText() {
        searchText = SearchText.fold(name + " " + description);
        nameSortKey = SortKey.of(name);
    }
}
