package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A listing as curators and imports write it; platform and tier are given by slug. */
public record ListingRequest(
        @NotBlank @Size(max = 64) String platform,
        @NotBlank @Size(max = 200) String externalId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 8000) String description,
        @NotNull TaskType taskType,
        @NotBlank @Size(max = 64) String payTier,
        @Valid PayRequest pay,
        EligibilityRules eligibility,
        @NotNull ListingStatus status,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https://[^\\s/$.?#][^\\s]*", message = "must be an https URL")
        String applyUrl,
        @NotNull Instant postedAt,
        Instant expiresAt,
        Instant lastVerifiedAt) {

    /** The listing as a curator would write it again: the base that a merge patch applies to. */
    public static ListingRequest of(TaskListing listing) {
        PayRequest pay = listing.payUnit == null ? null
                : new PayRequest(listing.payMin, listing.payMax, listing.payCurrency, listing.payUnit);
        return new ListingRequest(listing.platform.slug, listing.externalId, listing.title, listing.description,
                listing.taskType, listing.payTier.slug, pay, listing.eligibility.toRules(), listing.status,
                listing.applyUrl, listing.postedAt, listing.expiresAt, listing.lastVerifiedAt);
    }

    /** Pay as written: both ends of the range, the currency and the unit. */
    public record PayRequest(
            @NotNull @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.Digits(integer = 8, fraction = 2)
            java.math.BigDecimal min,
            @NotNull @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.Digits(integer = 8, fraction = 2)
            java.math.BigDecimal max,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD") String currency,
            @NotNull PayUnit unit) {
    }
}
