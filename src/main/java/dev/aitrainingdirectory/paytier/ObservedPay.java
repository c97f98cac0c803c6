package dev.aitrainingdirectory.paytier;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the open, hourly-paid (USD) listings of a tier actually pay. */
@Schema(name = "ObservedPay", description = "Figures computed from the tier's open listings paid by the hour in USD;"
        + " `min`, `median` and `max` are absent when there is none.", requiredProperties = "openListings")
public record ObservedPay(
        @Schema(description = "How many open hourly USD listings the figures come from.", examples = "12", minimum = "0",
                maximum = "9223372036854775807") long openListings,
        @Schema(description = "The lowest `pay.min` among them.", examples = "30.00", minimum = "0") BigDecimal min,
        @Schema(description = "The median of their range midpoints, (`pay.min` + `pay.max`) / 2.", examples = "42.50", minimum = "0")
        BigDecimal median,
        @Schema(description = "The highest `pay.max` among them.", examples = "55.00", minimum = "0") BigDecimal max) {
}
