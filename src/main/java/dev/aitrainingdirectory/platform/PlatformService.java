package dev.aitrainingdirectory.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aitrainingdirectory.curation.Curated;
import dev.aitrainingdirectory.eligibility.Eligibility;
import dev.aitrainingdirectory.eligibility.EligibilityValidation;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.persistence.Money;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** What is a platform's own in its writes: its facts' rules, its tiers, and that new rules reach its listings. */
@ApplicationScoped
public class PlatformService extends Curated<String, Platform, PlatformRequest> {

    /** Listings are counted by table, not through their entity: listings build on platforms, not platforms on them. */
    private static final Definition<String, Platform, PlatformRequest> DEFINITION = new Definition<>("platform", "slug",
            PlatformRequest.class, Platform::findBySlug, platform -> platform.slug, PlatformRequest::slug, PlatformRequest::of,
            Platform::new, List.of(new Reference("listing of any status", "listings of any status",
                    "select count(*) from task_listing l join platform p on l.platform_id = p.id where p.slug = :key")));

    public PlatformService() {
        super(DEFINITION);
    }

    @Inject
    Event<PlatformChanged> changed;
    @Inject
    Event<OfficialDomainsChanging> domainsChanging;

    @Override
    public String refersTo() {
        return "one of its pay tiers";
    }

    /** The base says once, in assessment.required, whether an assessment is required; a patch may say it in either field. */
    @Override
    public PlatformRequest patchBase(PlatformRequest base, JsonNode patch) {
        JsonNode required = patch.path("assessmentRequired");
        if (required.isBoolean() && !patch.path("assessment").has("required")) {
            Assessment assessment = base.assessment();
            return base.withAssessment(new Assessment(required.booleanValue(), assessment.paid(), assessment.estimatedMinutes()));
        }
        return base;
    }

    /**
     * Checks the eligibility, the tiers named and the platform's facts; the write refuses (409) new official
     * domains that some listing applies outside of, and tells the listings when what they show has changed.
     */
    @Override
    public Consumer<Platform> check(String slug, PlatformRequest request, Platform existing, List<FieldError> errors) {
        errors.addAll(EligibilityValidation.problems("eligibility", request.eligibility()));
        Set<String> tierSlugs = request.payTiers() == null ? Set.of() : request.payTiers();
        List<PayTier> tiers = tierSlugs.isEmpty() || tierSlugs.stream().anyMatch(Objects::isNull)
                ? List.of() : PayTier.listBySlugs(tierSlugs);
        Set<String> found = new HashSet<>();
        tiers.forEach(tier -> found.add(tier.slug));
        tierSlugs.stream().filter(Objects::nonNull).filter(tier -> !found.contains(tier)).sorted()
                .forEach(tier -> errors.add(new FieldError("payTiers", "no pay tier has the slug '" + tier + "'")));
        PlatformFactsValidation.check(request, errors);
        return platform -> {
            if (platform.eligibility == null) {
                platform.slug = slug;
                platform.eligibility = Eligibility.of(request.eligibility());
                apply(platform, request, tiers);
                return;
            }
            Set<String> domains = domainsOf(request);
            if (!platform.officialDomains.equals(domains)) {
                domainsChanging.fire(new OfficialDomainsChanging(platform, domains));
            }
            Platform.ListingFacts before = platform.listingFacts();
            apply(platform, request, tiers);
            platform.eligibility.replaceWith(request.eligibility());
            if (!platform.listingFacts().equals(before)) {
                changed.fire(new PlatformChanged(platform));
            }
        };
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
        platform.minimumPayoutAmount = payout == null ? null : Money.stored(payout.amount());
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
}
