package dev.aitrainingdirectory.platform;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The smallest balance a platform pays out. */
@Schema(name = "MinimumPayout", description = "The smallest balance the platform pays out.",
        additionalProperties = Schema.False.class, requiredProperties = {"amount", "currency"})
public record MinimumPayout(
        @NotNull @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2)
        @Schema(examples = "10.00", minimum = "0", maximum = "1000000") BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as USD")
        @Schema(description = "ISO 4217 currency code.", examples = "USD", maxLength = 3, pattern = "^[A-Z]{3}$") String currency) {
}
