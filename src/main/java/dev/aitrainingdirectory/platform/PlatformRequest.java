package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.listing.TaskType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** A platform as curators write it; counts, versions and timestamps are never taken from a client. */
public record PlatformRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case letters and digits joined by hyphens")
        String slug,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https://[^\\s/$.?#][^\\s]*", message = "must be an https URL")
        String websiteUrl,
        @NotBlank @Size(max = 4000) String description,
        @NotNull Audience audience,
        @Size(max = 20) Set<@NotNull TaskType> taskTypes,
        @Size(max = 20) Set<@NotNull String> payTiers,
        @Size(max = 10) Set<@NotNull PaymentMethod> paymentMethods,
        PayoutSchedule payoutSchedule,
        boolean assessmentRequired,
        boolean identityVerification,
        EligibilityRules eligibility) {
}
