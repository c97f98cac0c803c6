package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A platform as curators write it; counts, versions and timestamps are never taken from a client. */
@Schema(name = "PlatformWrite", description = "A platform as curators write it.", additionalProperties = Schema.False.class)
public record PlatformRequest(
        @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits joined by hyphens")
        @Schema(description = "Url-safe and unique, chosen at creation and never changed; optional on PUT and PATCH.",
                examples = "outlier", pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")
        String slug,
        @NotBlank @Size(max = 120) @Schema(examples = "Outlier") String name,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https://[^\\s/$.?#][^\\s]*", message = "must be an https URL")
        @Schema(examples = "https://outlier.ai", format = "uri", pattern = "^https://[^\\s/$.?#][^\\s]*$") String websiteUrl,
        @NotBlank @Size(max = 4000) String description,
        @NotNull Audience audience,
        @Size(max = 20) Set<@NotNull TaskType> taskTypes,
        @Size(max = 20) @Schema(ref = "PayTierSlugs", description = "Slugs of existing pay tiers.") Set<@NotNull String> payTiers,
        @Size(max = 10) Set<@NotNull PaymentMethod> paymentMethods,
        PayoutSchedule payoutSchedule,
        boolean assessmentRequired,
        boolean identityVerification,
        EligibilityRules eligibility) {

    /** An example body for the OpenAPI document: a platform as a curator creates it. */
    public static final String EXAMPLE = """
            {"slug": "mercor", "name": "Mercor", "websiteUrl": "https://mercor.com",
             "description": "Expert projects for professionals, found through an interview with an AI recruiter.",
             "audience": "CREDENTIALED", "taskTypes": ["PROMPT_RESPONSE_WRITING", "RESPONSE_RATING"],
             "payTiers": ["domain-expert"], "paymentMethods": ["BANK_TRANSFER"], "payoutSchedule": "WEEKLY",
             "assessmentRequired": true, "identityVerification": true,
             "eligibility": {"countries": ["US", "CA", "GB"], "excludedCountries": [], "languages": ["en"], "credentials": []}}""";

    /** An example merge patch for the OpenAPI document: pay out every two weeks. */
    public static final String PATCH_EXAMPLE = """
            {"payoutSchedule": "BI_WEEKLY"}""";

    /** The platform as a curator would write it again: the base that a merge patch applies to. */
    public static PlatformRequest of(Platform platform) {
        return new PlatformRequest(platform.slug, platform.name, platform.websiteUrl, platform.description,
                platform.audience, Set.copyOf(platform.taskTypes),
                platform.payTiers.stream().map(tier -> tier.slug).collect(Collectors.toSet()),
                Set.copyOf(platform.paymentMethods), platform.payoutSchedule, platform.assessmentRequired,
                platform.identityVerification, platform.eligibility.toRules());
    }
}
