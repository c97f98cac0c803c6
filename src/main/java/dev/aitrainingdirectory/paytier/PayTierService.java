package dev.aitrainingdirectory.paytier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.http.MergePatch;
import dev.aitrainingdirectory.persistence.SerializedWrite;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.BodyValidator;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Creates, changes and deletes pay tiers; a renamed tier reaches its listings. */
@ApplicationScoped
public class PayTierService {

    @Inject
    BodyValidator validator;
    @Inject
    Event<PayTierChanged> changed;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    @Transactional
    @SerializedWrite
    public PayTier create(PayTierRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request != null && request.slug() == null) {
            errors.add(new FieldError("slug", "must not be blank"));
        }
        check(request, errors);
        if (PayTier.findBySlug(request.slug()).isPresent()) {
            throw ProblemException.conflict("A pay tier with the slug '" + request.slug() + "' already exists.");
        }
        PayTier tier = new PayTier();
        tier.slug = request.slug();
        apply(tier, request);
        tier.persist();
        flush();
        return tier;
    }

    @Transactional
    @SerializedWrite
    public PayTier replace(String slug, String ifMatch, PayTierRequest request) {
        PayTier tier = load(slug);
        EntityTags.requireCurrent(ifMatch, tier.version);
        List<FieldError> errors = new ArrayList<>();
        if (request != null && request.slug() != null && !request.slug().equals(slug)) {
            errors.add(new FieldError("slug", "cannot change; it is '" + slug + "'"));
        }
        check(request, errors);
        boolean renamed = !tier.name.equals(request.name());
        apply(tier, request);
        flush();
        if (renamed) {
            changed.fire(new PayTierChanged(tier));
        }
        return tier;
    }

    @Transactional
    @SerializedWrite
    public PayTier patch(String slug, String ifMatch, JsonNode patch) {
        PayTier current = load(slug);
        EntityTags.requireCurrent(ifMatch, current.version);
        return replace(slug, ifMatch, MergePatch.applyTo(objectMapper, PayTierRequest.of(current), patch, PayTierRequest.class));
    }

    private long count(String sql, PayTier tier) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter("tier", tier.id).getSingleResult()).longValue();
    }

    /** Deletes a tier no listing or platform uses (409 otherwise). */
    @Transactional
    @SerializedWrite
    public void delete(String slug, String ifMatch) {
        PayTier tier = load(slug);
        EntityTags.requireCurrent(ifMatch, tier.version);
        // Counted by table, not through the listing and platform entities: those build on tiers, not tiers on them.
        long listingCount = count("select count(*) from task_listing where pay_tier_id = :tier", tier);
        long platformCount = count("select count(*) from platform_pay_tier where pay_tier_id = :tier", tier);
        if (listingCount + platformCount > 0) {
            throw ProblemException.conflict("The pay tier '" + slug + "' is still used by " + listingCount + " listings and "
                    + platformCount + " platforms.");
        }
        tier.delete();
        flush();
    }

    private void check(PayTierRequest request, List<FieldError> errors) {
        errors.addAll(validator.problems(request, ""));
        if (request != null && request.publishedRange() != null && request.publishedRange().min() != null
                && request.publishedRange().max() != null
                && request.publishedRange().min().compareTo(request.publishedRange().max()) > 0) {
            errors.add(new FieldError("publishedRange.min", "must not be above publishedRange.max"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
    }

    private static void apply(PayTier tier, PayTierRequest request) {
        tier.updatedAt = TimestampedEntity.now();
        tier.name = request.name();
        tier.description = request.description();
        tier.rangeMin = request.publishedRange().min().setScale(2, java.math.RoundingMode.HALF_EVEN);
        tier.rangeMax = request.publishedRange().max().setScale(2, java.math.RoundingMode.HALF_EVEN);
        tier.rangeCurrency = request.publishedRange().currency();
    }

    private static PayTier load(String slug) {
        return PayTier.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No pay tier has the slug '" + slug + "'."));
    }

    /**
     * Writes pending changes now, so a concurrent update of the same version (412) or a concurrent
     * create of the same slug (409) fails here, inside the transaction, rather than at commit (500).
     */
    private void flush() {
        entityManager.flush();
    }
}
