package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.eligibility.Eligibility;
import dev.aitrainingdirectory.eligibility.EligibilityRules;
import dev.aitrainingdirectory.eligibility.EligibilityValidation;
import dev.aitrainingdirectory.eligibility.IsoCodes;
import dev.aitrainingdirectory.exchangerate.Currencies;
import dev.aitrainingdirectory.exchangerate.ExchangeRate;
import dev.aitrainingdirectory.exchangerate.ExchangeRateChanged;
import dev.aitrainingdirectory.curation.Curated;
import dev.aitrainingdirectory.paytier.PayTier;
import dev.aitrainingdirectory.paytier.PayTierChanged;
import dev.aitrainingdirectory.persistence.Money;
import dev.aitrainingdirectory.persistence.SerializedWrite;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.platform.Platform;
import dev.aitrainingdirectory.platform.OfficialDomains;
import dev.aitrainingdirectory.platform.OfficialDomainsChanging;
import dev.aitrainingdirectory.platform.PlatformChanged;
import dev.aitrainingdirectory.problem.BodyValidator;
import dev.aitrainingdirectory.problem.FieldError;
import dev.aitrainingdirectory.problem.Problem;
import dev.aitrainingdirectory.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What is a listing's own in its writes: its references (platform, tier, currency) and pay rules, its derived
 * columns and effective eligibility, the change log every write records in, and bulk import. Every write takes
 * the change log's lock first.
 */
@ApplicationScoped
public class ListingService extends Curated<Long, TaskListing, ListingRequest> {

    /** The most listings one import may carry. */
    public static final int MAX_IMPORT = 1000;

    /** The most listings a conflict over official domains names one by one. */
    private static final int MAX_NAMED_LISTINGS = 100;

    /**
     * A listing's id is the service's; a body names none. Found through a lambda, not a method reference: Panache
     * implements {@code findByIdOptional} in each entity, and a reference would call the unimplemented inherited one.
     */
    private static final Definition<Long, TaskListing, ListingRequest> DEFINITION = new Definition<>("listing", "id",
            ListingRequest.class, id -> TaskListing.findByIdOptional(id), listing -> listing.id, request -> null, ListingRequest::of,
            TaskListing::new, List.of());

    public ListingService() {
        super(DEFINITION);
    }

    @Inject
    BodyValidator validator;
    @Inject
    ListingChangeLog changeLog;
    @Inject
    EntityManager entityManager;

    @Override
    public boolean keyAssigned() {
        return true;
    }

    @Override
    public String uniqueKey(Long id, ListingRequest request) {
        return "the externalId '" + request.externalId() + "' on the platform '" + request.platform() + "'";
    }

    @Override
    public boolean keyTaken(Long id, ListingRequest request, TaskListing existing) {
        return TaskListing.count("platform.slug = ?1 and externalId = ?2 and id <> ?3",
                request.platform(), request.externalId(), existing == null ? -1L : existing.id) > 0;
    }

    @Override
    public String refersTo() {
        return "its platform or its pay tier";
    }

    /**
     * Takes the change log's lock before anything is read: a concurrent change of a platform's rules has then
     * committed, or waits for this listing and recomputes it.
     */
    @Override
    public void beforeWrite() {
        changeLog.lock();
    }

    @Override
    public Consumer<TaskListing> check(Long id, ListingRequest request, TaskListing existing, List<FieldError> errors) {
        Lookup lookup = Lookup.of(List.of(request));
        errors.addAll(problems(request, "", lookup));
        return listing -> apply(listing, request, lookup);
    }

    @Override
    public void written(TaskListing listing) {
        changeLog.record(listing);
    }

    @Override
    public void deleted(TaskListing listing) {
        changeLog.recordDeleted(listing.id);
    }

    /**
     * Upserts up to {@link #MAX_IMPORT} listings by (platform, externalId), all or nothing: when any
     * row is invalid, nothing is written and every bad row is named by its index.
     */
    @Transactional
    @SerializedWrite
    public ListingImportResult importListings(List<ListingRequest> requests) {
        if (requests == null) {
            throw ProblemException.unprocessable(List.of(new FieldError("listings", "must not be null")));
        }
        if (requests.size() > MAX_IMPORT) {
            throw ProblemException.unprocessable(List.of(new FieldError("listings",
                    "must hold at most " + MAX_IMPORT + " listings, not " + requests.size())));
        }
        changeLog.lock();
        Lookup lookup = Lookup.of(requests);
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int index = 0; index < requests.size(); index++) {
            ListingRequest request = requests.get(index);
            String prefix = "listings[" + index + "].";
            errors.addAll(validator.problems(request, prefix));
            errors.addAll(problems(request, prefix, lookup));
            if (request != null && !keys.add(request.platform() + "\u0000" + request.externalId())) {
                errors.add(new FieldError(prefix + "externalId", "repeats an earlier row of this import for the same platform"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        Map<String, TaskListing> existing = existingByKey(requests, lookup);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<TaskListing> changed = new ArrayList<>();
        for (ListingRequest request : requests) {
            TaskListing listing = existing.get(request.platform() + "\u0000" + request.externalId());
            if (listing == null) {
                listing = new TaskListing();
                apply(listing, request, lookup);
                listing.persist();
                created++;
            } else if (sameContent(ListingRequest.of(listing), request)) {
                unchanged++;
                continue;
            } else {
                apply(listing, request, lookup);
                updated++;
            }
            changed.add(listing);
        }
        flush();
        changeLog.recordAll(changed);
        return new ListingImportResult(created, updated, unchanged);
    }

    /** Closes every OPEN or PAUSED listing whose expiry has passed; returns how many. */
    @Transactional
    @SerializedWrite
    public int closeExpired(Instant now) {
        changeLog.lock();
        List<TaskListing> expired = TaskListing.list("status <> ?1 and expiresAt <= ?2", ListingStatus.CLOSED, now);
        expired.forEach(listing -> listing.status = ListingStatus.CLOSED);
        flush();
        changeLog.recordAll(expired);
        return expired.size();
    }

    /**
     * Recomputes the effective rules of every listing of a platform whose name or rules changed, and
     * records each as changed: what those listings show has changed. Runs in the caller's transaction.
     */
    void platformChanged(@Observes PlatformChanged changed) {
        Platform platform = changed.platform();
        changeLog.lock();
        List<TaskListing> listings = TaskListing.list("platform", platform);
        for (TaskListing listing : listings) {
            listing.effectiveEligibility.replaceWith(EligibilityRules.effective(platform.eligibility.toRules(),
                    listing.eligibility.toRules()));
        }
        touchAll(listings);
    }

    /**
     * Refuses (409) new official domains of a platform while any of its listings applies outside them, naming
     * them. Takes the change log's lock first, so no listing written meanwhile escapes the check.
     */
    void officialDomainsChanging(@Observes OfficialDomainsChanging changing) {
        changeLog.lock();
        List<FieldError> outside = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (TaskListing listing : TaskListing.<TaskListing>list("platform = ?1 order by id", changing.platform())) {
            String host = OfficialDomains.hostOf(listing.applyUrl);
            if (!OfficialDomains.covers(changing.domains(), host)) {
                ids.add(listing.id);
                if (outside.size() < MAX_NAMED_LISTINGS) {
                    outside.add(new FieldError("officialDomains", "listing " + listing.id + " applies at '" + host + "'"));
                }
            }
        }
        if (!ids.isEmpty()) {
            String named = ids.stream().limit(MAX_NAMED_LISTINGS).map(String::valueOf).collect(Collectors.joining(", "));
            throw new ProblemException(409, "The new official domains would leave " + ids.size() + " of the platform's"
                    + " listings applying elsewhere (ids " + named + (ids.size() > MAX_NAMED_LISTINGS ? ", ..." : "")
                    + "); change or delete those listings first, or keep their domains.", outside);
        }
    }

    /**
     * Derives again the hourly pay of every listing paid in a currency whose rate was set or changed, and
     * records each as changed. Runs in the caller's transaction.
     */
    void exchangeRateChanged(@Observes ExchangeRateChanged changed) {
        ExchangeRate rate = changed.rate();
        changeLog.lock();
        List<TaskListing> listings = TaskListing.list("payCurrency", rate.currency);
        listings.forEach(listing -> listing.refreshDerivedColumns(rate));
        touchAll(listings);
    }

    /** Records every listing of a renamed tier as changed. Runs in the caller's transaction. */
    void payTierChanged(@Observes PayTierChanged changed) {
        changeLog.lock();
        touchAll(TaskListing.list("payTier", changed.tier()));
    }

    /** Marks listings changed (their version moves) and records them in the change log. */
    private void touchAll(List<TaskListing> listings) {
        Instant now = TimestampedEntity.now();
        listings.forEach(listing -> listing.updatedAt = now);
        flush();
        changeLog.recordAll(listings);
    }

    private void apply(TaskListing listing, ListingRequest request, Lookup lookup) {
        // Also marks the row changed when only the rules (kept in their own rows) change, so the version moves.
        listing.updatedAt = TimestampedEntity.now();
        if (listing.id == null) {
            listing.createdAt = listing.updatedAt;
        }
        listing.platform = lookup.platform(request);
        listing.payTier = lookup.tier(request);
        listing.externalId = request.externalId();
        listing.title = request.title();
        listing.description = request.description();
        listing.taskType = request.taskType();
        ListingRequest.PayRequest pay = request.pay();
        listing.payMin = pay == null ? null : Money.stored(pay.min());
        listing.payMax = pay == null ? null : Money.stored(pay.max());
        listing.payCurrency = pay == null ? null : pay.currency();
        listing.payUnit = pay == null ? null : pay.unit();
        listing.minutesPerTask = pay == null ? null : minutes(pay.minutesPerTask());
        listing.payByCountry = pay == null ? null : CountryPayColumn.write(normalized(pay.countryRanges()));
        listing.status = request.status();
        listing.applyUrl = request.applyUrl();
        // Left out, postedAt is the time of creation, or the stored one of a listing replaced.
        listing.postedAt = request.postedAt() != null ? micros(request.postedAt())
                : listing.postedAt != null ? listing.postedAt : listing.updatedAt;
        listing.expiresAt = micros(request.expiresAt());
        listing.lastVerifiedAt = micros(request.lastVerifiedAt());
        EligibilityRules own = request.eligibility() == null ? EligibilityRules.NONE : request.eligibility();
        EligibilityRules effective = EligibilityRules.effective(listing.platform.eligibility.toRules(), own);
        if (listing.eligibility == null) {
            listing.eligibility = Eligibility.of(own);
            listing.effectiveEligibility = Eligibility.of(effective);
        } else {
            listing.eligibility.replaceWith(own);
            listing.effectiveEligibility.replaceWith(effective);
        }
        listing.refreshDerivedColumns(pay == null ? null : lookup.rate(pay.currency()));
    }

    /** What a listing's annotations cannot check: its references, its pay rules and its dates. */
    private List<FieldError> problems(ListingRequest request, String prefix, Lookup lookup) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            return errors;
        }
        errors.addAll(EligibilityValidation.problems(prefix + "eligibility", request.eligibility()));
        if (request.platform() != null && lookup.platform(request) == null) {
            errors.add(new FieldError(prefix + "platform", "no platform has the slug '" + request.platform() + "'"));
        }
        Platform platform = lookup.platform(request);
        if (platform != null && request.applyUrl() != null && request.applyUrl().startsWith("https://")) {
            String host = OfficialDomains.hostOf(request.applyUrl());
            if (!OfficialDomains.covers(platform.officialDomains, host)) {
                errors.add(new FieldError(prefix + "applyUrl", "its host '" + Problem.abbreviate(host, 200) + "' is not one of"
                        + " the official domains of the platform '" + platform.slug + "' (" + String.join(", ", sorted(platform.officialDomains))
                        + ") or a subdomain of one"));
            }
        }
        if (request.payTier() != null && lookup.tier(request) == null) {
            errors.add(new FieldError(prefix + "payTier", "no pay tier has the slug '" + request.payTier() + "'"));
        }
        if (request.pay() != null) {
            errors.addAll(payProblems(request.pay(), prefix + "pay.", lookup));
        }
        if (request.expiresAt() != null && request.postedAt() != null && request.expiresAt().isBefore(request.postedAt())) {
            errors.add(new FieldError(prefix + "expiresAt", "must not be before postedAt"));
        }
        return errors;
    }

    private static List<FieldError> payProblems(ListingRequest.PayRequest pay, String prefix, Lookup lookup) {
        List<FieldError> errors = new ArrayList<>();
        if (pay.min() != null && pay.max() != null && pay.min().compareTo(pay.max()) > 0) {
            errors.add(new FieldError(prefix + "min", "must not be above " + prefix + "max"));
        }
        String currency = pay.currency();
        if (currency != null && currency.matches("[A-Z]{3}") && !ExchangeRate.BASE.equals(currency) && lookup.rate(currency) == null) {
            errors.add(new FieldError(prefix + "currency", Currencies.isCode(currency)
                    ? "has no exchange rate to USD; a curator sets one with PUT /api/exchange-rates/" + currency
                    : "'" + currency + "' is not an ISO 4217 currency code"));
        }
        if (pay.minutesPerTask() != null && pay.unit() == PayUnit.HOUR) {
            errors.add(new FieldError(prefix + "minutesPerTask", "applies to pay per TASK only, not per HOUR"));
        }
        Set<String> named = new HashSet<>();
        List<ListingRequest.CountryPayRequest> ranges = pay.countryRanges();
        for (int index = 0; index < ranges.size(); index++) {
            ListingRequest.CountryPayRequest range = ranges.get(index);
            String at = prefix + "byCountry[" + index + "].";
            if (range == null) {
                errors.add(new FieldError(prefix + "byCountry[" + index + "]", "must be a range with countries, min and max"));
                continue;
            }
            if (range.min() != null && range.max() != null && range.min().compareTo(range.max()) > 0) {
                errors.add(new FieldError(at + "min", "must not be above " + at + "max"));
            }
            List<String> countries = range.countries() == null ? List.of() : range.countries();
            for (int c = 0; c < countries.size(); c++) {
                String code = countries.get(c);
                if (code == null) {
                    continue;
                }
                String problem = IsoCodes.countryProblem(code);
                if (problem != null) {
                    errors.add(new FieldError(at + "countries[" + c + "]", problem));
                } else if (!named.add(code)) {
                    errors.add(new FieldError(at + "countries[" + c + "]", "'" + code + "' is named by another range already:"
                            + " a country has one range at most"));
                }
            }
        }
        return errors;
    }

    private Map<String, TaskListing> existingByKey(List<ListingRequest> requests, Lookup lookup) {
        Map<String, TaskListing> byKey = new HashMap<>();
        Map<Platform, List<String>> idsByPlatform = requests.stream().collect(Collectors.groupingBy(lookup::platform,
                Collectors.mapping(ListingRequest::externalId, Collectors.toList())));
        idsByPlatform.forEach((platform, externalIds) -> TaskListing.<TaskListing>list(
                        "platform = ?1 and externalId in ?2", platform, externalIds)
                .forEach(listing -> byKey.put(platform.slug + "\u0000" + listing.externalId, listing)));
        return byKey;
    }

    /** Writes pending changes now, so a concurrent update of the same version fails here (as 412). */
    private void flush() {
        entityManager.flush();
    }

    private static boolean sameContent(ListingRequest stored, ListingRequest incoming) {
        ListingRequest keepingPosted = incoming.postedAt() != null ? incoming : new ListingRequest(incoming.platform(),
                incoming.externalId(), incoming.title(), incoming.description(), incoming.taskType(), incoming.payTier(),
                incoming.pay(), incoming.eligibility(), incoming.status(), incoming.applyUrl(), stored.postedAt(),
                incoming.expiresAt(), incoming.lastVerifiedAt());
        return Objects.equals(normalized(stored), normalized(keepingPosted));
    }

    /** The request as it would be stored: money at two decimals, times at microseconds, rules sorted. */
    private static ListingRequest normalized(ListingRequest request) {
        ListingRequest.PayRequest given = request.pay();
        ListingRequest.PayRequest pay = given == null ? null : new ListingRequest.PayRequest(Money.stored(given.min()), Money.stored(given.max()),
                given.currency(), given.unit(), minutes(given.minutesPerTask()), nullIfEmpty(normalized(given.countryRanges())));
        EligibilityRules rules = request.eligibility() == null ? EligibilityRules.NONE : request.eligibility();
        EligibilityRules sorted = new EligibilityRules(sortedSet(rules.countries()), sortedSet(rules.excludedCountries()),
                sortedSet(rules.languages()), sortedSet(rules.credentials()));
        return new ListingRequest(request.platform(), request.externalId(), request.title(), request.description(),
                request.taskType(), request.payTier(), pay, sorted, request.status(), request.applyUrl(),
                micros(request.postedAt()), micros(request.expiresAt()), micros(request.lastVerifiedAt()));
    }

    /** Ranges by country as stored: money at two decimals, each range's countries sorted. */
    private static List<ListingRequest.CountryPayRequest> normalized(List<ListingRequest.CountryPayRequest> ranges) {
        return ranges.stream().map(range -> new ListingRequest.CountryPayRequest(sortedSet(range.countries()),
                Money.stored(range.min()), Money.stored(range.max()))).toList();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static <T> List<T> nullIfEmpty(List<T> values) {
        return values.isEmpty() ? null : values;
    }

    private static BigDecimal minutes(BigDecimal minutes) {
        return minutes == null ? null : minutes.setScale(1, RoundingMode.HALF_EVEN);
    }

    private static List<String> sortedSet(List<String> values) {
        return values.stream().distinct().sorted().toList();
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The platforms and tiers a batch of requests names, each loaded once. */
    private record Lookup(Map<String, Platform> platforms, Map<String, PayTier> tiers, Map<String, ExchangeRate> rates) {

        static Lookup of(List<ListingRequest> requests) {
            Set<String> platformSlugs = slugs(requests, ListingRequest::platform);
            Set<String> tierSlugs = slugs(requests, ListingRequest::payTier);
            Set<String> currencies = slugs(requests, request -> request.pay() == null ? null : request.pay().currency());
            Map<String, Platform> platforms = platformSlugs.isEmpty() ? Map.of()
                    : Platform.listBySlugs(platformSlugs).stream().collect(Collectors.toMap(p -> p.slug, p -> p));
            Map<String, PayTier> tiers = tierSlugs.isEmpty() ? Map.of()
                    : PayTier.listBySlugs(tierSlugs).stream().collect(Collectors.toMap(t -> t.slug, t -> t));
            return new Lookup(platforms, tiers, ExchangeRate.mapByCurrencies(currencies));
        }

        /** The rate of {@code currency}; null for USD and for a currency without one. */
        ExchangeRate rate(String currency) {
            return rates.get(currency);
        }

        Platform platform(ListingRequest request) {
            return request.platform() == null ? null : platforms.get(request.platform());
        }

        PayTier tier(ListingRequest request) {
            return request.payTier() == null ? null : tiers.get(request.payTier());
        }

        private static Set<String> slugs(List<ListingRequest> requests, Function<ListingRequest, String> slug) {
            return requests.stream().filter(Objects::nonNull).map(slug).filter(Objects::nonNull).collect(Collectors.toSet());
        }
    }
}
