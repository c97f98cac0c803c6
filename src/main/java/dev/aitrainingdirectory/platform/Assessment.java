package dev.aitrainingdirectory.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The entry assessment a platform asks new contributors to pass. */
@Schema(name = "Assessment", description = "The entry assessment: whether one is required, whether the time on it is"
        + " paid, and how long it takes. `paid` and `estimatedMinutes` are absent when unknown, and when none is required.",
        additionalProperties = Schema.False.class)
public record Assessment(
        @Schema(description = "Whether contributors must pass it before they get work. On a write, left out: the value of"
                + " `assessmentRequired`.") Boolean required,
        @Schema(description = "Whether the time spent on it is paid.") Boolean paid,
        @Min(1) @Max(1440) @Schema(description = "About how long it takes, in minutes.", examples = "90", minimum = "1",
                maximum = "1440") Integer estimatedMinutes) {

    /** No assessment. */
    public static final Assessment NONE = new Assessment(false, null, null);
}
