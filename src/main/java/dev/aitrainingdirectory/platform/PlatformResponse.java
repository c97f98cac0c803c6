package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.listing.TaskType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform as clients read it. */
@Schema(name = "Platform", description = "A platform where contributors do AI-training work.")
public record PlatformResponse(
        @Schema(description = "The url-safe identifier, chosen at creation.", examples = "outlier") String slug,
        @Schema(examples = "Outlier") String name,
        @Schema(description = "The platform's website (https).", examples = "https://outlier.ai") String websiteUrl,
        String description,
        Audience audience,
        @Schema(description = "The kinds of work the platform offers.") List<TaskType> taskTypes,
        @Schema(description = "Slugs of the pay tiers its work falls in.", examples = "[\"general-writing\", \"coding\"]")
        List<String> payTiers,
        List<PaymentMethod> paymentMethods,
        @Schema(description = "How often it pays out; absent when unknown.") PayoutSchedule payoutSchedule,
        @Schema(description = "Whether contributors must pass an entry assessment.") boolean assessmentRequired,
        @Schema(description = "Whether contributors must verify their identity.") boolean identityVerification,
        @Schema(description = "Who the platform accepts; each of its listings may restrict further.") EligibilityRules eligibility,
        @Schema(description = "How many of its listings are open now.", examples = "12") long openListings,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Increases with every change.", examples = "3") long version) {

    public static PlatformResponse of(Platform platform, long openListings) {
        return new PlatformResponse(platform.slug, platform.name, platform.websiteUrl, platform.description,
                platform.audience, platform.taskTypes.stream().sorted().toList(),
                platform.payTiers.stream().map(tier -> tier.slug).sorted().toList(),
                platform.paymentMethods.stream().sorted().toList(), platform.payoutSchedule,
                platform.assessmentRequired, platform.identityVerification, platform.eligibility.toRules(),
                openListings, platform.createdAt, platform.updatedAt, platform.version);
    }
}
