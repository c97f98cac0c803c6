package dev.aitrainingdirectory.paytier;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published hourly range, such as 30-55 USD. */
@Schema(name = "PayRange", description = "An hourly pay range in one currency.")
public record PayRange(
        @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2)
        @Schema(examples = "30.00") BigDecimal min,
        @NotNull @DecimalMin("0") @Digits(integer = 8, fraction = 2)
        @Schema(examples = "55.00") BigDecimal max,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD")
        @Schema(description = "ISO 4217 currency code.", examples = "USD", maxLength = 3, pattern = "^[A-Z]{3}$") String currency) {
}
