package dev.aitrainingdirectory.platform;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a platform takes new contributors on, overall and in the countries where that differs. */
@Schema(name = "Hiring", description = "Whether the platform takes new contributors on: OPEN, WAITLIST (applications"
        + " accepted, no date given) or PAUSED; `byCountry` holds the countries whose status differs from `status`.",
        requiredProperties = {"status", "byCountry"})
public record PlatformHiring(
        HiringStatus status,
        @Schema(type = SchemaType.OBJECT, additionalProperties = HiringStatus.class, maxProperties = 250,
                description = "By ISO 3166-1 alpha-2 code, the status in countries where it differs from `status`.",
                examples = "{\"IN\": \"WAITLIST\"}")
        Map<String, HiringStatus> byCountry,
        @Schema(description = "When a curator last checked the status against the platform; absent when never.")
        Instant verifiedAt) {

    /** The status for contributors living in {@code country}: its own where it has one, else the overall one. */
    public HiringStatus in(String country) {
        return country == null ? status : byCountry.getOrDefault(country, status);
    }
}
