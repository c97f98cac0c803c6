package dev.aitrainingdirectory.paytier;

import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** Creates and changes pay tiers. */
@ApplicationScoped
public class PayTierService {

    @Transactional
    public PayTier create(@Valid PayTierRequest request) {
        if (request.publishedRange().min().compareTo(request.publishedRange().max()) > 0) {
            throw ProblemException.invalid(List.of(new FieldError("publishedRange.min", "must not be above publishedRange.max")));
        }
        if (PayTier.findBySlug(request.slug()).isPresent()) {
            throw new ProblemException(Status.CONFLICT, "A pay tier with the slug '" + request.slug() + "' already exists.");
        }
        PayTier tier = new PayTier();
        tier.slug = request.slug();
        tier.name = request.name();
        tier.description = request.description();
        tier.rangeMin = request.publishedRange().min();
        tier.rangeMax = request.publishedRange().max();
        tier.rangeCurrency = request.publishedRange().currency();
        tier.persist();
        return tier;
    }
}
