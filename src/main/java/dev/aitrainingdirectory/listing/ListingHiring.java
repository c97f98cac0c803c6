package dev.aitrainingdirectory.listing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aitrainingdirectory.platform.HiringStatus;
import dev.aitrainingdirectory.platform.PlatformHiring;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a listing's platform takes new contributors on, for the country a search asked about. */
@Schema(name = "ListingHiring", description = "Whether the listing's platform takes new contributors on: with a search's"
        + " `country`, its status in that country (named in `country`), otherwise its overall one.",
        requiredProperties = "status")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingHiring(
        HiringStatus status,
        @Schema(description = "The country the status is for; absent for the platform's overall status.", examples = "IN",
                maxLength = 2, pattern = "^[A-Z]{2}$") String country,
        @Schema(description = "When a curator last checked the platform's status; absent when never.") Instant verifiedAt) {

    static ListingHiring of(PlatformHiring hiring) {
        return new ListingHiring(hiring.status(), null, hiring.verifiedAt());
    }

    /** The status in {@code country}, given the platform's status there. */
    ListingHiring in(String country, HiringStatus there) {
        return new ListingHiring(there, country, verifiedAt);
    }
}
