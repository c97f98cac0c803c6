package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.exchangerate.ExchangeRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pay range as US dollars an hour, and how it was derived. */
@Schema(name = "HourlyUsd", description = "The pay as US dollars an hour, derived from the pay as given; what `minPay`,"
        + " `maxPay`, `sort=pay`, the `pay` facet and the tiers' observed pay compare. Amounts are rounded to the cent"
        + " (half to even).", requiredProperties = {"min", "max", "basis"})
public record HourlyUsd(
        @Schema(description = "The lowest hourly pay.", examples = "21.63", minimum = "0") BigDecimal min,
        @Schema(description = "The highest hourly pay.", examples = "27.03", minimum = "0") BigDecimal max,
        @Schema(description = "PUBLISHED: hourly in USD as given. CONVERTED: hourly in another currency, at `rate`."
                + " ESTIMATED: per task, at 60 / `minutesPerTask` tasks an hour (and at `rate` when not in USD).") PayBasis basis,
        @Schema(description = "The US dollars per unit of the pay's currency used; absent for pay in USD.", examples = "1.0815",
                minimum = "0", exclusiveMinimum = true) BigDecimal rate,
        @Schema(description = "The day of that exchange rate; absent for pay in USD.", examples = "2026-11-30") LocalDate rateAsOf,
        @Schema(description = "In a search by `country`: the country whose `byCountry` range this is. Absent when it is the"
                + " listing's own range.", examples = "IN", maxLength = 2, pattern = "^[A-Z]{2}$") String country) {

    /**
     * The hourly USD figure of a range in {@code currency} per {@code unit}; null when it cannot be known: per task
     * without the minutes a task takes, or in a currency other than USD without a rate.
     */
    public static HourlyUsd of(BigDecimal min, BigDecimal max, String currency, PayUnit unit, BigDecimal minutesPerTask,
            BigDecimal rate, LocalDate rateAsOf) {
        boolean usd = ExchangeRate.BASE.equals(currency);
        if (unit == PayUnit.TASK && minutesPerTask == null || !usd && rate == null) {
            return null;
        }
        PayBasis basis = unit == PayUnit.TASK ? PayBasis.ESTIMATED : usd ? PayBasis.PUBLISHED : PayBasis.CONVERTED;
        BigDecimal perUnit = usd ? BigDecimal.ONE : rate;
        return new HourlyUsd(hourly(min, perUnit, unit, minutesPerTask), hourly(max, perUnit, unit, minutesPerTask), basis,
                usd ? null : rate, usd ? null : rateAsOf, null);
    }

    /** The same figure, marked as the {@code byCountry} range of {@code code}. */
    HourlyUsd forCountry(String code) {
        return new HourlyUsd(min, max, basis, rate, rateAsOf, code);
    }

    private static BigDecimal hourly(BigDecimal amount, BigDecimal usdPerUnit, PayUnit unit, BigDecimal minutesPerTask) {
        BigDecimal usd = amount.multiply(usdPerUnit);
        return unit == PayUnit.TASK ? usd.multiply(BigDecimal.valueOf(60)).divide(minutesPerTask, 2, RoundingMode.HALF_EVEN)
                : usd.setScale(2, RoundingMode.HALF_EVEN);
    }
}
