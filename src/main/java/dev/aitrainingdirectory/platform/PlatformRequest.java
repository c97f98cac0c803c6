package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
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
        @Schema(description = "Whether contributors must pass an entry assessment; the same as `assessment.required`, which"
                + " it may be given instead of. Left out with `assessment`: false.") Boolean assessmentRequired,
        boolean identityVerification,
        EligibilityRules eligibility,
        @Schema(description = "Whether it takes new contributors on; left out: OPEN everywhere, never checked.")
        HiringRequest hiring,
        @Size(max = OfficialDomains.MAX) @Schema(description = "The hostnames the platform runs on (lower case, no scheme,"
                + " port, path or wildcard); a listing's `applyUrl` must be on one of them or a subdomain, and so must"
                + " `websiteUrl`. Left out or empty: the host of `websiteUrl`.", ref = "Hostnames")
        List<String> officialDomains,
        @Valid @Schema(description = "The entry assessment; left out: as `assessmentRequired` says, paid and length unknown.")
        Assessment assessment,
        @Schema(description = "Whether the work requires monitoring or time-tracking software (screenshots, activity).")
        boolean monitoringSoftware,
        @Min(13) @Max(100) @Schema(description = "The youngest age accepted, in years.", examples = "18", minimum = "13",
                maximum = "100") Integer minimumAge,
        @Size(max = 10) @Schema(description = "The devices the work needs.") Set<@NotNull Device> devices,
        @Size(max = 10) @Schema(description = "The tax forms contributors are asked for.", ref = "TaxForms")
        Set<@NotNull @Size(max = 20) @Pattern(regexp = TAX_FORM, message = "must be a form's name such as W-8BEN") String> taxForms,
        @Size(max = 10) @Schema(description = "Payment methods offered only in some countries; each also in"
                + " `paymentMethods`, each once.") List<@Valid @NotNull PaymentMethodCountries> paymentMethodCountries,
        @Valid MinimumPayout minimumPayout,
        @Min(0) @Max(365) @Schema(description = "How many days the first payout is held back.", examples = "7", minimum = "0",
                maximum = "365") Integer firstPayoutHoldDays) {

    /** A tax form's name: letters and digits, joined by single hyphens or spaces, as in {@code W-8BEN}. */
    static final String TAX_FORM = "[A-Z0-9]+([- ][A-Z0-9]+)*";

    /** A platform with only the facts every platform had before hiring, onboarding and payout facts were kept. */
    public PlatformRequest(String slug, String name, String websiteUrl, String description, Audience audience,
            Set<TaskType> taskTypes, Set<String> payTiers, Set<PaymentMethod> paymentMethods, PayoutSchedule payoutSchedule,
            Boolean assessmentRequired, boolean identityVerification, EligibilityRules eligibility) {
        this(slug, name, websiteUrl, description, audience, taskTypes, payTiers, paymentMethods, payoutSchedule,
                assessmentRequired, identityVerification, eligibility, null, null, null, false, null, null, null, null, null, null);
    }

    /** An example body for the OpenAPI document: a platform as a curator creates it. */
    public static final String EXAMPLE = """
            {"slug": "mercor", "name": "Mercor", "websiteUrl": "https://mercor.com",
             "description": "Expert projects for professionals, found through an interview with an AI recruiter.",
             "audience": "CREDENTIALED", "taskTypes": ["PROMPT_RESPONSE_WRITING", "RESPONSE_RATING"],
             "payTiers": ["domain-expert"], "paymentMethods": ["BANK_TRANSFER"], "payoutSchedule": "WEEKLY",
             "identityVerification": true,
             "eligibility": {"countries": ["US", "CA", "GB"], "excludedCountries": [], "languages": ["en"], "credentials": []},
             "hiring": {"status": "OPEN", "byCountry": {"IN": "WAITLIST"}, "verifiedAt": "2026-11-30T09:00:00Z"},
             "officialDomains": ["mercor.com"],
             "assessment": {"required": true, "paid": false, "estimatedMinutes": 20},
             "monitoringSoftware": false, "minimumAge": 18, "devices": ["COMPUTER", "WEBCAM"], "taxForms": ["W-9", "W-8BEN"],
             "paymentMethodCountries": [], "minimumPayout": {"amount": 0, "currency": "USD"}, "firstPayoutHoldDays": 0}""";

    /** An example merge patch for the OpenAPI document: pay out every two weeks. */
    public static final String PATCH_EXAMPLE = """
            {"payoutSchedule": "BI_WEEKLY"}""";

    /** This platform with another assessment. */
    PlatformRequest withAssessment(Assessment other) {
        return new PlatformRequest(slug, name, websiteUrl, description, audience, taskTypes, payTiers, paymentMethods,
                payoutSchedule, assessmentRequired, identityVerification, eligibility, hiring, officialDomains, other,
                monitoringSoftware, minimumAge, devices, taxForms, paymentMethodCountries, minimumPayout, firstPayoutHoldDays);
    }

    /**
     * The platform as a curator would write it again: the base that a merge patch applies to. Whether an
     * assessment is required is given once, in {@code assessment}, so that a patch may change either.
     */
    public static PlatformRequest of(Platform platform) {
        return new PlatformRequest(platform.slug, platform.name, platform.websiteUrl, platform.description,
                platform.audience, Set.copyOf(platform.taskTypes),
                platform.payTiers.stream().map(tier -> tier.slug).collect(Collectors.toSet()),
                Set.copyOf(platform.paymentMethods), platform.payoutSchedule, null,
                platform.identityVerification, platform.eligibility.toRules(), HiringRequest.of(platform.hiring()),
                List.copyOf(platform.officialDomains), platform.assessment(), platform.monitoringSoftware, platform.minimumAge,
                Set.copyOf(platform.devices), Set.copyOf(platform.taxForms), platform.paymentMethodCountries(),
                platform.minimumPayout(), platform.firstPayoutHoldDays);
    }
}
