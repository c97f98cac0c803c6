package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform as clients read it. */
@Schema(name = "Platform", description = "A platform where contributors do AI-training work.",
        requiredProperties = {"slug", "name", "websiteUrl", "description", "audience", "taskTypes", "payTiers", "paymentMethods",
                "assessmentRequired", "identityVerification", "eligibility", "openListings", "createdAt", "updatedAt", "version"})
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
                openListings, platform.createdAt, platform.updatedAt, platform.version);
    }
}
