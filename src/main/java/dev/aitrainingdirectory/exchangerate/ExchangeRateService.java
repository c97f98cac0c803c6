package dev.aitrainingdirectory.exchangerate;

import dev.aitrainingdirectory.http.EntityTags;
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

/** Sets and deletes exchange rates; a new or changed rate reaches the listings paid in its currency. */
@ApplicationScoped
public class ExchangeRateService {

    /** What {@link #put} did. */
    public record Written(ExchangeRate rate, boolean created) {
    }

    @Inject
    BodyValidator validator;
    @Inject
    Event<ExchangeRateChanged> changed;
    @Inject
    EntityManager entityManager;

    /**
     * Creates the rate of {@code currency}, or replaces it when it exists: then only with an {@code If-Match}
     * naming its current version. Listings paid in the currency are derived again in the same transaction.
     */
    @Transactional
    @SerializedWrite
    public Written put(String currency, String ifMatch, ExchangeRateRequest request) {
        requireKnown(currency);
        ExchangeRate rate = ExchangeRate.<ExchangeRate>findByIdOptional(currency).orElse(null);
        if (rate != null) {
            EntityTags.requireCurrent(ifMatch, rate.version);
        }
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("body", "must be an exchange rate"));
        } else {
            errors.addAll(validator.problems(request, ""));
            if (request.rate() != null && request.rate().stripTrailingZeros().scale() > 10) {
                errors.add(new FieldError("rate", "must have at most ten decimals"));
            }
            if (request.currency() != null && !request.currency().equals(currency)) {
                errors.add(new FieldError("currency", "must be the URL's currency '" + currency + "' or left out"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        boolean created = rate == null;
        if (created) {
            rate = new ExchangeRate();
            rate.currency = currency;
        } else if (rate.rate.compareTo(request.rate()) == 0 && rate.asOf.equals(request.asOf())
                && rate.source.equals(request.source())) {
            return new Written(rate, false);
        }
        rate.updatedAt = TimestampedEntity.now();
        rate.rate = request.rate();
        rate.asOf = request.asOf();
        rate.source = request.source();
        if (created) {
            rate.persist();
        }
        flush();
        changed.fire(new ExchangeRateChanged(rate));
        return new Written(rate, created);
    }

    /** Deletes a rate that no listing's pay is in (409 otherwise). */
    @Transactional
    @SerializedWrite
    public void delete(String currency, String ifMatch) {
        ExchangeRate rate = load(currency);
        EntityTags.requireCurrent(ifMatch, rate.version);
        // Counted by table, not through the listing entity: listings build on rates, not rates on listings.
        long listings = ((Number) entityManager.createNativeQuery("select count(*) from task_listing where pay_currency = :currency")
                .setParameter("currency", currency).getSingleResult()).longValue();
        if (listings > 0) {
            throw ProblemException.conflict("The exchange rate of '" + currency + "' is still used by " + listings
                    + " listings paid in it.");
        }
        rate.delete();
        flush();
    }

    public static ExchangeRate load(String currency) {
        return ExchangeRate.findByCurrency(currency).orElseThrow(() ->
                ProblemException.notFound("No exchange rate is set for '" + currency + "'."));
    }

    private static void requireKnown(String currency) {
        if (ExchangeRate.BASE.equals(currency)) {
            throw ProblemException.unprocessable(List.of(new FieldError("currency",
                    "USD is the currency every rate converts to: its rate is always 1")));
        }
        if (!Currencies.isCode(currency)) {
            throw ProblemException.unprocessable(List.of(new FieldError("currency",
                    "must be an ISO 4217 currency code in upper case, such as EUR")));
        }
    }

    /** Writes pending changes now, so a concurrent update of the same version (412) fails here, not at commit. */
    private void flush() {
        entityManager.flush();
    }
}
