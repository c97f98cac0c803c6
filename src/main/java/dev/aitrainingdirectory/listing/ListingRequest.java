package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.platform.TaskType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A listing as curators and imports write it; platform and tier are given by slug. */
@Schema(name = "ListingWrite", description = "A listing as curators write it; `platform` and `payTier` are slugs.",
        additionalProperties = Schema.False.class)
public record ListingRequest(
        @NotBlank @Size(max = 64) @Schema(description = "The platform's slug.", examples = "outlier") String platform,
        @NotBlank @Size(max = 200) @Schema(description = "The platform's own id for this work, unique per platform.",
                examples = "eval-en-0042") String externalId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 8000) String description,
        @NotNull TaskType taskType,
        @NotBlank @Size(max = 64) @Schema(description = "The pay tier's slug.", examples = "general-writing") String payTier,
        @Valid @Schema(description = "What it pays; leave out when the platform does not say.") PayRequest pay,
        EligibilityRules eligibility,
        @NotNull ListingStatus status,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https://[^\\s/$.?#][^\\s]*", message = "must be an https URL")
        @Schema(description = "Where to apply (https).", examples = "https://example.com/apply", format = "uri",
                pattern = "^https://[^\\s/$.?#][^\\s]*$") String applyUrl,
        @Schema(description = "When the platform posted the work. Left out: the time of creation, or on a replace or an"
                + " import of an existing listing, the stored one.") Instant postedAt,
        Instant expiresAt,
        Instant lastVerifiedAt) {

    /** An example body for the OpenAPI document: a listing as a curator creates it. */
    public static final String EXAMPLE = """
            {"platform": "outlier", "externalId": "eval-es-0042", "title": "Rate chatbot answers in Spanish",
             "description": "Read a prompt and two answers in Spanish, pick the better one and say why.",
             "taskType": "RESPONSE_RATING", "payTier": "languages",
             "pay": {"min": 18.00, "max": 25.00, "currency": "USD", "unit": "HOUR"},
             "eligibility": {"countries": ["ES", "MX", "AR"], "excludedCountries": [], "languages": ["es"], "credentials": []},
             "status": "OPEN", "applyUrl": "https://outlier.ai", "postedAt": "2026-11-26T08:00:00Z",
             "expiresAt": "2026-12-31T00:00:00Z"}""";

    /** An example merge patch for the OpenAPI document: pause a listing and raise its pay. */
    public static final String PATCH_EXAMPLE = """
            {"status": "PAUSED", "pay": {"min": 20.00, "max": 28.00, "currency": "USD", "unit": "HOUR"}}""";

    /** The listing as a curator would write it again: the base that a merge patch applies to. */
    public static ListingRequest of(TaskListing listing) {
        PayRequest pay = listing.payUnit == null ? null : new PayRequest(listing.payMin, listing.payMax, listing.payCurrency,
                listing.payUnit, listing.minutesPerTask, listing.countryPay().isEmpty() ? null : listing.countryPay());
        return new ListingRequest(listing.platform.slug, listing.externalId, listing.title, listing.description,
                listing.taskType, listing.payTier.slug, pay, listing.eligibility.toRules(), listing.status,
                listing.applyUrl, listing.postedAt, listing.expiresAt, listing.lastVerifiedAt);
    }

    /** Pay as written: both ends of the range, the currency and the unit, with the minutes a task takes and the ranges by country. */
    @Schema(name = "PayWrite", description = "Pay as written: both ends of the range, the currency and the unit; for pay per"
            + " task the minutes a task takes, and ranges that replace this one for contributors in some countries.",
            additionalProperties = Schema.False.class)
    public record PayRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal min,
            @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal max,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD")
            @Schema(description = "ISO 4217 currency code, USD or one with an exchange rate.", examples = "USD", maxLength = 3,
                    pattern = "^[A-Z]{3}$") String currency,
            @NotNull PayUnit unit,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1440") @Digits(integer = 4, fraction = 1)
            @Schema(description = "With unit TASK only: the minutes one task takes, as the platform publishes it or a curator"
                    + " estimates it (above 0, at most a day, one decimal). Without it, per-task pay has no hourly figure.",
                    examples = "5", minimum = "0", exclusiveMinimum = true, maximum = "1440") BigDecimal minutesPerTask,
            @Size(max = 20) @Schema(description = "Ranges that replace `min` and `max` for contributors living in the"
                    + " countries named (same currency and unit); a country appears in one range at most.")
            List<@Valid CountryPayRequest> byCountry) {

        /** Pay without per-task minutes or ranges by country. */
        public PayRequest(BigDecimal min, BigDecimal max, String currency, PayUnit unit) {
            this(min, max, currency, unit, null, null);
        }

        /** The ranges by country, none when left out. */
        public List<CountryPayRequest> countryRanges() {
            return byCountry == null ? List.of() : byCountry;
        }
    }

    /** A range that applies to contributors living in some countries. */
    @Schema(name = "CountryPayWrite", description = "A pay range for contributors living in the countries named.",
            additionalProperties = Schema.False.class, requiredProperties = {"countries", "min", "max"})
    public record CountryPayRequest(
            @NotEmpty @Size(max = 250) @Schema(ref = "CountryCodes", description = "ISO 3166-1 alpha-2 codes of the countries"
                    + " this range is for.") List<@NotNull String> countries,
            @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal min,
            @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2) BigDecimal max) {
    }
}
