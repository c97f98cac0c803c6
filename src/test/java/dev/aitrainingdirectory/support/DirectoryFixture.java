package dev.aitrainingdirectory.support;

import dev.aitrainingdirectory.curation.CuratedWrites;
import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.listing.ListingRequest;
import dev.aitrainingdirectory.listing.ListingService;
import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.listing.PayUnit;
import dev.aitrainingdirectory.paytier.PayRange;
import dev.aitrainingdirectory.paytier.PayTierRequest;
import dev.aitrainingdirectory.paytier.PayTierService;
import dev.aitrainingdirectory.platform.Audience;
import dev.aitrainingdirectory.platform.PaymentMethod;
import dev.aitrainingdirectory.platform.PayoutSchedule;
import dev.aitrainingdirectory.platform.PlatformRequest;
import dev.aitrainingdirectory.platform.PlatformService;
import dev.aitrainingdirectory.platform.TaskType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the data a test needs through the same services the API writes with. Every slug it makes
 * is unique, so each test can confine its searches to its own platforms with {@code platform=}.
 */
@ApplicationScoped
public class DirectoryFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    PlatformService platforms;
    @Inject
    ListingService listings;
    @Inject
    PayTierService payTiers;
    @Inject
    CuratedWrites writes;

    /** A slug no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    public static EligibilityRules worldwide() {
        return EligibilityRules.NONE;
    }

    public static EligibilityRules rules(List<String> countries, List<String> excluded, List<String> languages, List<String> credentials) {
        return new EligibilityRules(countries, excluded, languages, credentials);
    }

    public static EligibilityRules countries(String... codes) {
        return rules(List.of(codes), List.of(), List.of(), List.of());
    }

    public static EligibilityRules excluding(String... codes) {
        return rules(List.of(), List.of(codes), List.of(), List.of());
    }

    public static EligibilityRules languages(String... codes) {
        return rules(List.of(), List.of(), List.of(codes), List.of());
    }

    public static EligibilityRules credentials(String... slugs) {
        return rules(List.of(), List.of(), List.of(), List.of(slugs));
    }

    /** A new platform with these rules, offering every example tier; returns its slug. */
    public String platform(EligibilityRules eligibility) {
        return platform(unique("platform"), "Test platform", Audience.GENERALIST, eligibility);
    }

    public String platform(String slug, String name, Audience audience, EligibilityRules eligibility) {
        writes.create(platforms, new PlatformRequest(slug, name, "https://platform.example/" + slug,
                "A platform made by a test.", audience, Set.of(TaskType.PREFERENCE_COMPARISON),
                Set.of("general-writing", "coding"), Set.of(PaymentMethod.PAYPAL), PayoutSchedule.WEEKLY,
                false, false, eligibility));
        return slug;
    }

    /** A new pay tier; returns its slug. */
    public String payTier(int min, int max) {
        String slug = unique("tier");
        writes.create(payTiers, new PayTierRequest(slug, "Test tier", "A tier made by a test.",
                new PayRange(BigDecimal.valueOf(min), BigDecimal.valueOf(max), "USD")));
        return slug;
    }

    /** Starts a listing on {@code platform}: open, worldwide, unknown pay, general-writing, posted now. */
    public ListingBuilder listing(String platform) {
        return new ListingBuilder(platform);
    }

    /** A listing being described by a test; {@link #create()} stores it and returns its id. */
    public final class ListingBuilder {
        private final String platform;
        private String externalId = unique("ext");
        private String title = "Compare two answers";
        private String description = "Pick the better of two answers.";
        private TaskType taskType = TaskType.PREFERENCE_COMPARISON;
        private String payTier = "general-writing";
        private ListingRequest.PayRequest pay;
        private EligibilityRules eligibility = EligibilityRules.NONE;
        private ListingStatus status = ListingStatus.OPEN;
        private Instant postedAt = Instant.parse("2026-11-20T10:00:00Z");
        private Instant expiresAt;

        private ListingBuilder(String platform) {
            this.platform = platform;
        }

        public ListingBuilder title(String title) {
            this.title = title;
            return this;
        }

        public ListingBuilder description(String description) {
            this.description = description;
            return this;
        }

        public ListingBuilder taskType(TaskType taskType) {
            this.taskType = taskType;
            return this;
        }

        public ListingBuilder tier(String payTier) {
            this.payTier = payTier;
            return this;
        }

        public ListingBuilder hourly(double min, double max) {
            return pay(min, max, "USD", PayUnit.HOUR);
        }

        public ListingBuilder pay(double min, double max, String currency, PayUnit unit) {
            this.pay = new ListingRequest.PayRequest(BigDecimal.valueOf(min), BigDecimal.valueOf(max), currency, unit);
            return this;
        }

        public ListingBuilder pay(ListingRequest.PayRequest pay) {
            this.pay = pay;
            return this;
        }

        public ListingBuilder eligibility(EligibilityRules eligibility) {
            this.eligibility = eligibility;
            return this;
        }

        public ListingBuilder status(ListingStatus status) {
            this.status = status;
            return this;
        }

        public ListingBuilder postedAt(String postedAt) {
            this.postedAt = Instant.parse(postedAt);
            return this;
        }

        public ListingBuilder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public long create() {
            return writes.create(listings, new ListingRequest(platform, externalId, title, description, taskType, payTier, pay,
                    eligibility, status, "https://platform.example/apply/" + externalId, postedAt, expiresAt, null)).id;
        }
    }
}
