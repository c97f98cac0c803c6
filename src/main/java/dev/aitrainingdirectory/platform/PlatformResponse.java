package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform as clients read it. */
@Schema(name = "Platform", description = "A platform where contributors do AI-training work.",
        requiredProperties = {"slug", "name", "websiteUrl", "description", "audience", "taskTypes", "payTiers", "paymentMethods",
                "assessmentRequired", "identityVerification", "eligibility", "hiring", "officialDomains", "assessment",
                "monitoringSoftware", "devices", "taxForms", "paymentMethodCountries", "openListings", "createdAt", "updatedAt",
                "version"})
public record PlatformResponse(
        @Schema(description = "The url-safe identifier, chosen at creation.", examples = "outlier", maxLength = 64,
                pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String slug,
        @Schema(examples = "Outlier", maxLength = 120, pattern = "\\S") String name,
        @Schema(description = "The platform's website (https).", examples = "https://outlier.ai", format = "uri",
                maxLength = 2048, pattern = "^https://") String websiteUrl,
        @Schema(description = "What the platform is, in plain text.", maxLength = 4000, pattern = "\\S") String description,
        Audience audience,
        @Schema(description = "The kinds of work the platform offers.", maxItems = 20) List<TaskType> taskTypes,
        @Schema(ref = "PayTierSlugs", description = "Slugs of the pay tiers its work falls in.",
                examples = "[\"general-writing\", \"coding\"]")
        List<String> payTiers,
        @Schema(description = "How it pays contributors.", maxItems = 10) List<PaymentMethod> paymentMethods,
        @Schema(description = "How often it pays out; absent when unknown.") PayoutSchedule payoutSchedule,
        @Schema(description = "Whether contributors must pass an entry assessment.") boolean assessmentRequired,
        @Schema(description = "Whether contributors must verify their identity.") boolean identityVerification,
        @Schema(description = "Who the platform accepts; each of its listings may restrict further.") EligibilityRules eligibility,
        @Schema(description = "Whether it takes new contributors on, overall and by country.") PlatformHiring hiring,
        @Schema(ref = "Hostnames", description = "The hostnames it runs on; its listings apply on one of them or a subdomain.")
        List<String> officialDomains,
        @Schema(description = "The entry assessment.") Assessment assessment,
        @Schema(description = "Whether the work requires monitoring or time-tracking software (screenshots, activity).")
        boolean monitoringSoftware,
        @Schema(description = "The youngest age accepted, in years; absent when unknown.", examples = "18", minimum = "13",
                maximum = "100") Integer minimumAge,
        @Schema(description = "The devices the work needs.", maxItems = 10) List<Device> devices,
        @Schema(ref = "TaxForms", description = "The tax forms contributors are asked for.") List<String> taxForms,
        @Schema(description = "Payment methods offered only in some countries; the others of `paymentMethods` are offered"
                + " wherever it accepts contributors.", maxItems = 10) List<PaymentMethodCountries> paymentMethodCountries,
        @Schema(description = "The smallest balance it pays out; absent when unknown.") MinimumPayout minimumPayout,
        @Schema(description = "How many days the first payout is held back; absent when unknown.", examples = "7",
                minimum = "0", maximum = "365") Integer firstPayoutHoldDays,
        @Schema(description = "How many of its listings are open now.", examples = "12", minimum = "0",
                maximum = "9223372036854775807") long openListings,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Increases with every change.", examples = "3", minimum = "0",
                maximum = "9223372036854775807") long version) {

    public static PlatformResponse of(Platform platform, long openListings) {
        return new PlatformResponse(platform.slug, platform.name, platform.websiteUrl, platform.description,
                platform.audience, platform.taskTypes.stream().sorted().toList(),
                platform.payTiers.stream().map(tier -> tier.slug).sorted().toList(),
                platform.paymentMethods.stream().sorted().toList(), platform.payoutSchedule,
                platform.assessmentRequired, platform.identityVerification, platform.eligibility.toRules(),
                platform.hiring(), platform.officialDomains.stream().sorted().toList(), platform.assessment(),
                platform.monitoringSoftware, platform.minimumAge, platform.devices.stream().sorted().toList(),
                platform.taxForms.stream().sorted().toList(), platform.paymentMethodCountries(), platform.minimumPayout(),
                platform.firstPayoutHoldDays, openListings, platform.createdAt, platform.updatedAt, platform.version);
    }
}
