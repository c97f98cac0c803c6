package dev.aitrainingdirectory.exchangerate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exchange rate as curators write it; the currency is the URL's. */
@Schema(name = "ExchangeRateWrite", description = "An exchange rate as curators write it; the currency is the URL's.",
        additionalProperties = Schema.False.class)
public record ExchangeRateRequest(
        @Schema(description = "The currency of the URL; optional, and when given it must be that one.", examples = "EUR",
                maxLength = 3, pattern = "^[A-Z]{3}$") String currency,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000")
        @Schema(description = "US dollars per unit of the currency: above 0, at most 1,000,000, at most ten decimals.",
                examples = "1.08", maximum = "1000000",
                minimum = "0", exclusiveMinimum = true) BigDecimal rate,
        @NotNull @Schema(description = "The day the rate was taken.", examples = "2026-11-30") LocalDate asOf,
        @NotBlank @Size(max = 200) @Schema(description = "Where the rate comes from.",
                examples = "European Central Bank reference rate") String source) {

    /** An example body for the OpenAPI document. */
    public static final String EXAMPLE = """
            {"rate": 1.0815, "asOf": "2026-11-30", "source": "European Central Bank reference rate"}""";
}
