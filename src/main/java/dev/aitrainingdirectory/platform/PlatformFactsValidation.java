package dev.aitrainingdirectory.platform;

import dev.aitrainingdirectory.eligibility.IsoCodes;
import dev.aitrainingdirectory.exchangerate.Currencies;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.Problem;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks on a platform's hiring, onboarding and payout facts and official domains that Bean
 * Validation cannot state: known codes and statuses, each country and method once, fields that agree.
 */
final class PlatformFactsValidation {

    private static final String STATUSES = Arrays.stream(HiringStatus.values()).map(Enum::name).collect(Collectors.joining(", "));

    private PlatformFactsValidation() {
    }

    /** Adds every problem of {@code request}'s facts to {@code errors}. */
    static void check(PlatformRequest request, List<FieldError> errors) {
        checkHiring(request.hiring(), errors);
        checkDomains(request, errors);
        Assessment assessment = request.assessment();
        if (assessment != null && assessment.required() != null && request.assessmentRequired() != null
                && !assessment.required().equals(request.assessmentRequired())) {
            errors.add(new FieldError("assessmentRequired", "says " + request.assessmentRequired() + " but assessment.required"
                    + " says " + assessment.required() + "; give one of them, or the same in both"));
        }
        checkPaymentCountries(request, errors);
        if (request.minimumPayout() != null && request.minimumPayout().currency() != null
                && request.minimumPayout().currency().matches("[A-Z]{3}") && !Currencies.isCode(request.minimumPayout().currency())) {
            errors.add(new FieldError("minimumPayout.currency", "'" + request.minimumPayout().currency()
                    + "' is not an ISO 4217 currency code"));
        }
    }

    /**
     * The assessment as it is stored: required as {@code assessment.required} or {@code assessmentRequired}
     * says (false when neither does); without one, nothing about it is kept.
     */
    static Assessment assessmentOf(PlatformRequest request) {
        Assessment given = request.assessment();
        Boolean required = given != null && given.required() != null ? given.required() : request.assessmentRequired();
        if (!Boolean.TRUE.equals(required)) {
            return Assessment.NONE;
        }
        return given == null ? new Assessment(true, null, null) : new Assessment(true, given.paid(), given.estimatedMinutes());
    }

    private static void checkHiring(HiringRequest hiring, List<FieldError> errors) {
        if (hiring == null) {
            return;
        }
        String problem = statusProblem(hiring.status());
        if (problem != null) {
            errors.add(new FieldError("hiring.status", problem));
        }
        Set<String> seen = new HashSet<>();
        if (hiring.countries().size() > 250) {
            errors.add(new FieldError("hiring.byCountry", "must name at most 250 countries"));
            return;
        }
        for (HiringRequest.CountryStatus entry : hiring.countries()) {
            String field = "hiring.byCountry." + entry.country();
            String countryProblem = IsoCodes.countryProblem(entry.country());
            if (countryProblem != null) {
                errors.add(new FieldError(field, countryProblem));
            } else if (!seen.add(entry.country())) {
                errors.add(new FieldError(field, "names the country a second time; give each country once"));
            }
            String statusProblem = statusProblem(entry.status());
            if (statusProblem != null) {
                errors.add(new FieldError(field, statusProblem));
            }
        }
    }

    private static String statusProblem(String status) {
        if (status == null) {
            return "must be one of " + STATUSES;
        }
        try {
            HiringStatus.valueOf(status);
            return null;
        } catch (IllegalArgumentException unknown) {
            return "'" + Problem.abbreviate(status, 40) + "' is not one of " + STATUSES;
        }
    }

    private static void checkDomains(PlatformRequest request, List<FieldError> errors) {
        List<String> domains = request.officialDomains();
        if (domains == null || domains.isEmpty() || domains.size() > OfficialDomains.MAX) {
            return;
        }
        boolean allValid = true;
        for (int index = 0; index < domains.size(); index++) {
            String problem = OfficialDomains.problem(domains.get(index));
            if (problem != null) {
                errors.add(new FieldError("officialDomains[" + index + "]", problem));
                allValid = false;
            }
        }
        String website = OfficialDomains.hostOf(request.websiteUrl());
        if (allValid && request.websiteUrl() != null && !website.isEmpty() && !OfficialDomains.covers(domains, website)) {
            errors.add(new FieldError("websiteUrl", "its host '" + website + "' is not on one of the official domains ("
                    + String.join(", ", domains) + ")"));
        }
    }

    private static void checkPaymentCountries(PlatformRequest request, List<FieldError> errors) {
        List<PaymentMethodCountries> offers = request.paymentMethodCountries();
        if (offers == null) {
            return;
        }
        Set<PaymentMethod> methods = request.paymentMethods() == null ? Set.of() : request.paymentMethods();
        Set<PaymentMethod> seen = EnumSet.noneOf(PaymentMethod.class);
        for (int index = 0; index < offers.size(); index++) {
            PaymentMethodCountries offer = offers.get(index);
            if (offer == null || offer.method() == null) {
                continue;
            }
            String field = "paymentMethodCountries[" + index + "]";
            if (!methods.contains(offer.method())) {
                errors.add(new FieldError(field + ".method", offer.method() + " is not one of paymentMethods"));
            } else if (!seen.add(offer.method())) {
                errors.add(new FieldError(field + ".method", offer.method() + " is listed a second time; give each method once"));
            }
            List<String> countries = offer.countries() == null ? List.of() : offer.countries();
            for (int country = 0; country < countries.size(); country++) {
                String problem = countries.get(country) == null ? null : IsoCodes.countryProblem(countries.get(country));
                if (problem != null) {
                    errors.add(new FieldError(field + ".countries[" + country + "]", problem));
                }
            }
        }
    }
}
