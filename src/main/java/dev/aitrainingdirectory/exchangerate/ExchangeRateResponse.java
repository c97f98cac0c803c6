package dev.aitrainingdirectory.exchangerate;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one unit of a currency is worth in US dollars. */
@Schema(name = "ExchangeRate", description = "What one unit of a currency is worth in US dollars, as of a day.",
        requiredProperties = {"currency", "rate", "asOf", "source"})
public record ExchangeRateResponse(
        @Schema(description = "ISO 4217 code.", examples = "EUR", maxLength = 3, pattern = "^[A-Z]{3}$") String currency,
        @Schema(description = "US dollars per unit of the currency.", examples = "1.0815", minimum = "0", exclusiveMinimum = true) BigDecimal rate,
        @Schema(description = "The day the rate was taken.", examples = "2026-11-30") LocalDate asOf,
        @Schema(description = "Where the rate comes from.", examples = "European Central Bank reference rate",
                maxLength = 200, pattern = "\\S") String source) {

    public static ExchangeRateResponse of(ExchangeRate rate) {
        BigDecimal plain = rate.rate.stripTrailingZeros();
        return new ExchangeRateResponse(rate.currency, plain.scale() < 0 ? plain.setScale(0) : plain, rate.asOf, rate.source);
    }
}
