package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.platform.HiringStatus;
import dev.aitrainingdirectory.platform.TaskType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A task listing as clients read it. */
@Schema(name = "Listing", description = "A piece of AI-training work open, or once open, on a platform.",
        requiredProperties = {"id", "platform", "title", "description", "taskType", "payTier", "eligibility",
                "effectiveEligibility", "hiring", "status", "applyUrl", "externalId", "postedAt", "createdAt", "updatedAt", "version"})
public record ListingResponse(
        @Schema(description = "The listing's id.", examples = "1042", minimum = "1", maximum = "9223372036854775807") long id,
        @Schema(description = "The platform the work is on.") NamedReference platform,
        @Schema(examples = "Rate chatbot answers for helpfulness (English)", maxLength = 200, pattern = "\\S") String title,
        @Schema(description = "What the work is, in plain text.", maxLength = 8000, pattern = "\\S") String description,
        TaskType taskType,
        @Schema(description = "The band of work and pay this listing falls in.") NamedReference payTier,
        @Schema(description = "What it pays; absent when the platform does not say.") Pay pay,
        @Schema(description = "The listing's own rules, as curators wrote them.") EligibilityRules eligibility,
        @Schema(description = "The rules a contributor must meet to qualify: the platform's AND the listing's"
                + " (countries intersected; exclusions, languages and credentials united). The search filters on these.")
        EligibilityRules effectiveEligibility,
        @Schema(description = "Whether the platform takes new contributors on (for the asked `country`, in a search).")
        ListingHiring hiring,
        @Schema(description = "OPEN, PAUSED or CLOSED; a listing past its `expiresAt` is CLOSED.") ListingStatus status,
        @Schema(description = "Where to apply (https).", examples = "https://example.com/apply", format = "uri",
                maxLength = 2048, pattern = "^https://") String applyUrl,
        @Schema(description = "The platform's own id for this work, unique per platform.", examples = "eval-en-0042",
                maxLength = 200, pattern = "\\S")
        String externalId,
        Instant postedAt,
        @Schema(description = "When the listing stops taking contributors; absent when open-ended.") Instant expiresAt,
        @Schema(description = "When a curator last checked the listing against the platform.") Instant lastVerifiedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Increases with every change; the ETag carries it.", examples = "3", minimum = "0",
                maximum = "9223372036854775807") long version) {

    /** An example of a listing for the OpenAPI document. */
    public static final String EXAMPLE = """
            {"id": 1042, "platform": {"slug": "outlier", "name": "Outlier"}, "title": "Rate chatbot answers in Spanish",
             "description": "Read a prompt and two answers in Spanish, pick the better one and say why.",
             "taskType": "RESPONSE_RATING", "payTier": {"slug": "languages", "name": "Languages"},
             "pay": {"min": 18.00, "max": 25.00, "currency": "USD", "unit": "HOUR",
                     "byCountry": [{"countries": ["AR", "MX"], "min": 12.00, "max": 16.00,
                                    "hourlyUsd": {"min": 12.00, "max": 16.00, "basis": "PUBLISHED"}}],
                     "hourlyUsd": {"min": 18.00, "max": 25.00, "basis": "PUBLISHED"}},
             "eligibility": {"countries": ["AR", "ES", "MX"], "excludedCountries": [], "languages": ["es"], "credentials": []},
             "effectiveEligibility": {"countries": ["AR", "ES", "MX"], "excludedCountries": [], "languages": ["es"],
                                      "credentials": []},
             "hiring": {"status": "OPEN", "verifiedAt": "2026-11-30T09:00:00Z"},
             "status": "OPEN", "applyUrl": "https://outlier.ai", "externalId": "eval-es-0042",
             "postedAt": "2026-11-26T08:00:00Z", "expiresAt": "2026-12-31T00:00:00Z",
             "createdAt": "2026-11-26T09:12:45Z", "updatedAt": "2026-11-27T10:15:30Z", "version": 3}""";

    /** The listing as a client sees it at {@code now}: CLOSED once past its expiry, whatever it was when read. */
    public ListingResponse at(Instant now) {
        if (status == ListingStatus.CLOSED || expiresAt == null || now.isBefore(expiresAt)) {
            return this;
        }
        return new ListingResponse(id, platform, title, description, taskType, payTier, pay, eligibility, effectiveEligibility,
                hiring, ListingStatus.CLOSED, applyUrl, externalId, postedAt, expiresAt, lastVerifiedAt, createdAt, updatedAt, version);
    }

    /**
     * The listing as a contributor living in {@code country} sees it: with the pay range for that country, if
     * any, and the platform's hiring status there ({@code hiringThere}).
     */
    public ListingResponse forCountry(String country, HiringStatus hiringThere) {
        if (country == null) {
            return this;
        }
        Pay theirs = pay == null ? null : pay.forCountry(country);
        return new ListingResponse(id, platform, title, description, taskType, payTier, theirs, eligibility,
                effectiveEligibility, hiring.in(country, hiringThere), status, applyUrl, externalId, postedAt, expiresAt,
                lastVerifiedAt, createdAt, updatedAt, version);
    }

    public static ListingResponse of(TaskListing listing, Instant now) {
        Pay pay = Pay.of(listing);
        return new ListingResponse(listing.id,
                new NamedReference(listing.platform.slug, listing.platform.name),
                listing.title, listing.description, listing.taskType,
                new NamedReference(listing.payTier.slug, listing.payTier.name),
                pay, listing.eligibility.toRules(), listing.effectiveEligibility.toRules(),
                ListingHiring.of(listing.platform.hiring()), listing.effectiveStatus(now), listing.applyUrl, listing.externalId,
                listing.postedAt, listing.expiresAt, listing.lastVerifiedAt,
                listing.createdAt, listing.updatedAt, listing.version);
    }
}
