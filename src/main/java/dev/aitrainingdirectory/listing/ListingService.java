package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.eligibility.Eligibility;
import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.eligibility.EligibilityValidation;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.platform.Platform;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates and changes listings, keeping their derived columns and effective eligibility in step. */
@ApplicationScoped
public class ListingService {

    @Transactional
    public TaskListing create(@Valid ListingRequest request) {
        List<FieldError> errors = new ArrayList<>(EligibilityValidation.problems("eligibility", request.eligibility()));
        Optional<Platform> platform = Platform.findBySlug(request.platform());
        if (platform.isEmpty()) {
            errors.add(new FieldError("platform", "no platform has the slug '" + request.platform() + "'"));
        }
        Optional<PayTier> tier = PayTier.findBySlug(request.payTier());
        if (tier.isEmpty()) {
            errors.add(new FieldError("payTier", "no pay tier has the slug '" + request.payTier() + "'"));
        }
        if (request.pay() != null && request.pay().min().compareTo(request.pay().max()) > 0) {
            errors.add(new FieldError("pay.min", "must not be above pay.max"));
        }
        if (request.expiresAt() != null && request.expiresAt().isBefore(request.postedAt())) {
            errors.add(new FieldError("expiresAt", "must not be before postedAt"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (TaskListing.count("platform = ?1 and externalId = ?2", platform.get(), request.externalId()) > 0) {
            throw new ProblemException(Status.CONFLICT, "The platform '" + request.platform()
                    + "' already has a listing with the externalId '" + request.externalId() + "'.");
        }
        TaskListing listing = new TaskListing();
        listing.platform = platform.get();
        listing.payTier = tier.get();
        listing.externalId = request.externalId();
        listing.title = request.title();
        listing.description = request.description();
        listing.taskType = request.taskType();
        if (request.pay() != null) {
            listing.payMin = request.pay().min();
            listing.payMax = request.pay().max();
            listing.payCurrency = request.pay().currency();
            listing.payUnit = request.pay().unit();
        }
        listing.status = request.status();
        listing.applyUrl = request.applyUrl();
        listing.postedAt = request.postedAt();
        listing.expiresAt = request.expiresAt();
        listing.lastVerifiedAt = request.lastVerifiedAt();
        listing.eligibility = Eligibility.of(request.eligibility());
        listing.effectiveEligibility = Eligibility.of(EligibilityRules.effective(
                listing.platform.eligibility.toRules(), listing.eligibility.toRules()));
        listing.refreshDerivedColumns();
        listing.persist();
        return listing;
    }
}
