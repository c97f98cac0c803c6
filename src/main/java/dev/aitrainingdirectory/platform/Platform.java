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
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** Keeps the columns derived from name and description in step: the search text and the name's sort key. */
    public void refreshSearchText() {
        searchText = SearchText.fold(name + " " + description);
        nameSortKey = SortKey.of(name);
    }
}
