package dev.aitrainingdirectory.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aitrainingdirectory.eligibility.Eligibility;
import dev.aitrainingdirectory.eligibility.EligibilityValidation;
import dev.aitrainingdirectory.http.EntityTags;
import dev.aitrainingdirectory.http.MergePatch;
import dev.aitrainingdirectory.paytier.PayTier;
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
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Creates, changes and deletes platforms; a change to a platform's name or rules reaches its listings. */
@ApplicationScoped
public class PlatformService {


    @Inject
    BodyValidator validator;
    @Inject
    Event<PlatformChanged> changed;
    @Inject
    Event<OfficialDomainsChanging> domainsChanging;
    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    @Transactional
    @SerializedWrite
    public Platform create(PlatformRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request != null && request.slug() == null) {
            errors.add(new FieldError("slug", "must not be blank"));
        }
        List<PayTier> tiers = check(request, errors);
        if (Platform.findBySlug(request.slug()).isPresent()) {
            throw ProblemException.conflict("A platform with the slug '" + request.slug() + "' already exists.");
        }
        Platform platform = new Platform();
        platform.slug = request.slug();
        platform.eligibility = Eligibility.of(request.eligibility());
        apply(platform, request, tiers);
        platform.persist();
        flush();
        return platform;
    }

    /** Replaces every field of a platform but its slug (PUT), if {@code ifMatch} names its current version. */
    @Transactional
    @SerializedWrite
    public Platform replace(String slug, String ifMatch, PlatformRequest request) {
        Platform platform = load(slug);
        EntityTags.requireCurrent(ifMatch, platform.version);
        List<FieldError> errors = new ArrayList<>();
        if (request != null && request.slug() != null && !request.slug().equals(slug)) {
            errors.add(new FieldError("slug", "cannot change; it is '" + slug + "'"));
        }
        List<PayTier> tiers = check(request, errors);
        Set<String> domains = domainsOf(request);
        if (!platform.officialDomains.equals(domains)) {
            domainsChanging.fire(new OfficialDomainsChanging(platform, domains));
        }
        Platform.ListingFacts before = platform.listingFacts();
        apply(platform, request, tiers);
        platform.eligibility.replaceWith(request.eligibility());
        flush();
        if (!platform.listingFacts().equals(before)) {
            changed.fire(new PlatformChanged(platform));
        }
        return platform;
    }

    /** Applies a JSON merge patch (RFC 7396) to the platform as a curator would write it, then replaces it. */
    @Transactional
    @SerializedWrite
    public Platform patch(String slug, String ifMatch, JsonNode patch) {
        Platform current = load(slug);
        EntityTags.requireCurrent(ifMatch, current.version);
        PlatformRequest base = PlatformRequest.of(current);
        // The base says once, in assessment.required, whether an assessment is required; a patch may say it in either field.
        JsonNode required = patch.path("assessmentRequired");
        if (required.isBoolean() && !patch.path("assessment").has("required")) {
            Assessment assessment = base.assessment();
            base = base.withAssessment(new Assessment(required.booleanValue(), assessment.paid(), assessment.estimatedMinutes()));
        }
        return replace(slug, ifMatch, MergePatch.applyTo(objectMapper, base, patch, PlatformRequest.class));
    }

    /** Deletes a platform that has no listings left (409 otherwise). */
    @Transactional
    @SerializedWrite
    public void delete(String slug, String ifMatch) {
        Platform platform = load(slug);
        EntityTags.requireCurrent(ifMatch, platform.version);
        // Counted by table, not through the listing entity: listings build on platforms, not platforms on them.
        long listingCount = ((Number) entityManager.createNativeQuery("select count(*) from task_listing where platform_id = :platform")
                .setParameter("platform", platform.id).getSingleResult()).longValue();
        if (listingCount > 0) {
            throw ProblemException.conflict("The platform '" + slug + "' still has " + listingCount
                    + " listings (of any status); delete them first.");
        }
        platform.delete();
        flush();
    }

    private List<PayTier> check(PlatformRequest request, List<FieldError> errors) {
        errors.addAll(validator.problems(request, ""));
        if (request == null) {
            throw ProblemException.unprocessable(errors);
        }
        errors.addAll(EligibilityValidation.problems("eligibility", request.eligibility()));
        Set<String> tierSlugs = request.payTiers() == null ? Set.of() : request.payTiers();
        List<PayTier> tiers = tierSlugs.isEmpty() || tierSlugs.stream().anyMatch(Objects::isNull)
                ? List.of() : PayTier.listBySlugs(tierSlugs);
        Set<String> found = new HashSet<>();
        tiers.forEach(tier -> found.add(tier.slug));
        tierSlugs.stream().filter(Objects::nonNull).filter(slug -> !found.contains(slug)).sorted()
                .forEach(slug -> errors.add(new FieldError("payTiers", "no pay tier has the slug '" + slug + "'")));
        PlatformFactsValidation.check(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        return tiers;
    }

    private static void apply(Platform platform, PlatformRequest request, List<PayTier> tiers) {
        // Also marks the row changed when only the rules (kept in their own rows) change, so the version moves.
        platform.updatedAt = TimestampedEntity.now();
        platform.name = request.name();
        platform.websiteUrl = request.websiteUrl();
        platform.description = request.description();
        platform.audience = request.audience();
        platform.taskTypes = request.taskTypes() == null || request.taskTypes().isEmpty()
                ? EnumSet.noneOf(TaskType.class) : EnumSet.copyOf(request.taskTypes());
        platform.payTiers = new HashSet<>(tiers);
        platform.paymentMethods = request.paymentMethods() == null || request.paymentMethods().isEmpty()
                ? EnumSet.noneOf(PaymentMethod.class) : EnumSet.copyOf(request.paymentMethods());
        platform.payoutSchedule = request.payoutSchedule();
        platform.identityVerification = request.identityVerification();
        HiringRequest hiring = request.hiring() == null ? HiringRequest.OPEN : request.hiring();
        platform.hiringStatus = HiringStatus.valueOf(hiring.status());
        platform.hiringByCountry.clear();
        hiring.countries().forEach(entry -> platform.hiringByCountry.put(entry.country(), HiringStatus.valueOf(entry.status())));
        platform.hiringVerifiedAt = hiring.verifiedAt();
        platform.officialDomains.clear();
        platform.officialDomains.addAll(domainsOf(request));
        Assessment assessment = PlatformFactsValidation.assessmentOf(request);
        platform.assessmentRequired = assessment.required();
        platform.assessmentPaid = assessment.paid();
        platform.assessmentMinutes = assessment.estimatedMinutes();
        platform.monitoringSoftware = request.monitoringSoftware();
        platform.minimumAge = request.minimumAge();
        platform.devices.clear();
        if (request.devices() != null) {
            platform.devices.addAll(request.devices());
        }
        platform.taxForms.clear();
        if (request.taxForms() != null) {
            platform.taxForms.addAll(request.taxForms());
        }
        platform.paymentCountries.clear();
        if (request.paymentMethodCountries() != null) {
            request.paymentMethodCountries().forEach(offer -> offer.countries()
                    .forEach(country -> platform.paymentCountries.add(new PaymentCountry(offer.method(), country))));
        }
        MinimumPayout payout = request.minimumPayout();
        platform.minimumPayoutAmount = payout == null ? null : payout.amount().setScale(2, RoundingMode.UNNECESSARY);
        platform.minimumPayoutCurrency = payout == null ? null : payout.currency();
        platform.firstPayoutHoldDays = request.firstPayoutHoldDays();
        platform.refreshSearchText();
    }

    /** The official domains written, or the website's host when none are. */
    private static Set<String> domainsOf(PlatformRequest request) {
        if (request.officialDomains() == null || request.officialDomains().isEmpty()) {
            return Set.of(OfficialDomains.hostOf(request.websiteUrl()));
        }
        return new TreeSet<>(request.officialDomains());
    }

    private static Platform load(String slug) {
        return Platform.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No platform has the slug '" + slug + "'."));
    }

    /**
     * Writes pending changes now, so a concurrent update of the same version (412) or a concurrent
     * create of the same slug (409) fails here, inside the transaction, rather than at commit (500).
     */
    private void flush() {
        entityManager.flush();
    }
}
