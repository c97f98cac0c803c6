package dev.aitrainingdirectory.listing;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a listing pays: a range in one currency, per hour or per task, with its hourly USD figure. */
@Schema(name = "Pay", description = "What a listing pays, per hour of tracked work or per task, and what that comes to"
        + " in US dollars an hour.", requiredProperties = {"min", "max", "currency", "unit"})
public record Pay(
        @Schema(description = "The lowest rate.", examples = "30.00", minimum = "0") BigDecimal min,
        @Schema(description = "The highest rate; equal to `min` for a single rate.", examples = "55.00", minimum = "0") BigDecimal max,
        @Schema(description = "ISO 4217 currency code.", examples = "USD", maxLength = 3, pattern = "^[A-Z]{3}$") String currency,
        @Schema(description = "HOUR or TASK.") PayUnit unit,
        @Schema(description = "With unit TASK: the minutes one task takes, as published or estimated.", examples = "5",
                minimum = "0", exclusiveMinimum = true, maximum = "1440") BigDecimal minutesPerTask,
        @Schema(description = "Ranges that replace `min` and `max` for contributors living in the countries named.",
                maxItems = 20) List<CountryPay> byCountry,
        @Schema(description = "The pay as US dollars an hour; absent when it cannot be known (per task without"
                + " `minutesPerTask`). In a search by `country` where a `byCountry` range applies, that range's.")
        HourlyUsd hourlyUsd) {

    /** A range for contributors in some countries, with its hourly USD figure. */
    @Schema(name = "CountryPay", description = "A pay range for contributors living in the countries named.",
            requiredProperties = {"countries", "min", "max"})
    public record CountryPay(
            @Schema(ref = "CountryCodes", description = "ISO 3166-1 alpha-2 codes of the countries this range is for.")
            List<String> countries,
            @Schema(description = "The lowest rate there.", examples = "10.00", minimum = "0") BigDecimal min,
            @Schema(description = "The highest rate there.", examples = "14.00", minimum = "0") BigDecimal max,
            @Schema(description = "This range as US dollars an hour; absent when it cannot be known.") HourlyUsd hourlyUsd) {
    }

    static Pay of(TaskListing listing) {
        if (listing.payUnit == null) {
            return null;
        }
        List<CountryPay> byCountry = listing.countryPay().stream()
                .map(range -> new CountryPay(range.countries(), range.min(), range.max(), listing.hourlyUsd(range.min(), range.max())))
                .toList();
        return new Pay(listing.payMin, listing.payMax, listing.payCurrency, listing.payUnit, listing.minutesPerTask,
                byCountry.isEmpty() ? null : byCountry, listing.hourlyUsd());
    }

    /** The pay as a contributor in {@code country} gets it: the hourly figure of the range by country that names it. */
    Pay forCountry(String country) {
        if (byCountry == null) {
            return this;
        }
        for (CountryPay range : byCountry) {
            if (range.countries().contains(country)) {
                return new Pay(min, max, currency, unit, minutesPerTask, byCountry,
                        range.hourlyUsd() == null ? null : range.hourlyUsd().forCountry(country));
            }
        }
        return this;
    }
}
