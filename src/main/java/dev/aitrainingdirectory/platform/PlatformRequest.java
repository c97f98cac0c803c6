package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.listing.TaskType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform as curators write it; counts, versions and timestamps are never taken from a client. */
@Schema(name = "PlatformWrite", description = "A platform as curators write it.")
public record PlatformRequest(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits joined by hyphens")
        @Schema(description = "Url-safe and unique, chosen at creation and never changed; optional on PUT and PATCH.",
                examples = "outlier")
        String slug,
        @NotBlank @Size(max = 120) @Schema(examples = "Outlier") String name,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https://[^\\s/$.?#][^\\s]*", message = "must be an https URL")
        @Schema(examples = "https://outlier.ai") String websiteUrl,
        @NotBlank @Size(max = 4000) String description,
        @NotNull Audience audience,
        @Size(max = 20) Set<@NotNull TaskType> taskTypes,
        @Size(max = 20) @Schema(description = "Slugs of existing pay tiers.") Set<@NotNull String> payTiers,
        @Size(max = 10) Set<@NotNull PaymentMethod> paymentMethods,
        PayoutSchedule payoutSchedule,
        boolean assessmentRequired,
        boolean identityVerification,
        EligibilityRules eligibility) {

    /** The platform as a curator would write it again: the base that a merge patch applies to. */
    public static PlatformRequest of(Platform platform) {
        return new PlatformRequest(platform.slug, platform.name, platform.websiteUrl, platform.description,
                platform.audience, Set.copyOf(platform.taskTypes),
                platform.payTiers.stream().map(tier -> tier.slug).collect(Collectors.toSet()),
                Set.copyOf(platform.paymentMethods), platform.payoutSchedule, platform.assessmentRequired,
                platform.identityVerification, platform.eligibility.toRules());
    }
}
