package dev.aitrainingdirectory.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One value of a facet and how many results that value would give. */
@Schema(description = "One choice of a facet and the number of results it would give.", requiredProperties = {"value", "count"})
public record FacetValue(
        @Schema(description = "The filter value, as the filter takes it.", examples = "coding", maxLength = 64, pattern = "\\S") String value,
        @Schema(description = "Results with this value, all other filters applied.", examples = "12", minimum = "1",
                maximum = "9223372036854775807") long count) {
}
