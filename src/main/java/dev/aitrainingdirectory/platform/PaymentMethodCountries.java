package dev.aitrainingdirectory.platform;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment method a platform offers only in some countries. */
@Schema(name = "PaymentMethodCountries", description = "A payment method offered only to contributors living in the"
        + " countries named. A method of `paymentMethods` not listed here is offered wherever the platform accepts contributors.",
        additionalProperties = Schema.False.class, requiredProperties = {"method", "countries"})
public record PaymentMethodCountries(
        @NotNull PaymentMethod method,
        @NotEmpty @Size(max = 250) @Schema(ref = "CountryCodes", description = "ISO 3166-1 alpha-2 codes of the countries where"
                + " it is offered.") List<@NotNull String> countries) {
}
