package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.Eligibility;
import dev.aitrainingdirectory.eligibility.EligibilityValidation;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Creates and changes platforms. */
@ApplicationScoped
public class PlatformService {

    @Transactional
    public Platform create(@Valid PlatformRequest request) {
        List<FieldError> errors = new ArrayList<>(EligibilityValidation.problems("eligibility", request.eligibility()));
        Set<String> tierSlugs = request.payTiers() == null ? Set.of() : request.payTiers();
        List<PayTier> tiers = tierSlugs.isEmpty() ? List.of() : PayTier.listBySlugs(tierSlugs);
        Set<String> found = new HashSet<>();
        tiers.forEach(tier -> found.add(tier.slug));
        tierSlugs.stream().filter(slug -> !found.contains(slug)).sorted()
                .forEach(slug -> errors.add(new FieldError("payTiers", "no pay tier has the slug '" + slug + "'")));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (Platform.findBySlug(request.slug()).isPresent()) {
            throw new ProblemException(Status.CONFLICT, "A platform with the slug '" + request.slug() + "' already exists.");
        }
        Platform platform = new Platform();
        platform.slug = request.slug();
        platform.name = request.name();
        platform.websiteUrl = request.websiteUrl();
        platform.description = request.description();
        platform.audience = request.audience();
        platform.taskTypes = request.taskTypes() == null || request.taskTypes().isEmpty()
                ? EnumSet.noneOf(dev.aitrainingdirectory.listing.TaskType.class) : EnumSet.copyOf(request.taskTypes());
        platform.payTiers = new HashSet<>(tiers);
        platform.paymentMethods = request.paymentMethods() == null || request.paymentMethods().isEmpty()
                ? EnumSet.noneOf(PaymentMethod.class) : EnumSet.copyOf(request.paymentMethods());
        platform.payoutSchedule = request.payoutSchedule();
        platform.assessmentRequired = request.assessmentRequired();
        platform.identityVerification = request.identityVerification();
        platform.eligibility = Eligibility.of(request.eligibility());
        platform.refreshSearchText();
        platform.persist();
        return platform;
    }
}
