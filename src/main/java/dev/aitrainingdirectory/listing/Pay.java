package dev.aitrainingdirectory.listing;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a listing pays: a range in one currency, per hour or per task. */
@Schema(name = "Pay", description = "What a listing pays, per hour of tracked work or per task.",
        requiredProperties = {"min", "max", "currency", "unit"})
public record Pay(
        @Schema(description = "The lowest rate.", examples = "30.00", minimum = "0") BigDecimal min,
        @Schema(description = "The highest rate; equal to `min` for a single rate.", examples = "55.00", minimum = "0") BigDecimal max,
        @Schema(description = "ISO 4217 currency code. The pay filters and the pay sort compare USD only.",
                examples = "USD", maxLength = 3, pattern = "^[A-Z]{3}$") String currency,
        @Schema(description = "HOUR or TASK.") PayUnit unit) {
}
