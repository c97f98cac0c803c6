package dev.aitrainingdirectory.exchangerate;

import dev.aitrainingdirectory.curation.Curated;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import dev.aitrainingdirectory.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;

/**
 * What is an exchange rate's own in its writes: its currency is the URL's, a rate equal to the stored one
 * changes nothing, and a new or changed rate reaches the listings paid in its currency.
 */
@ApplicationScoped
public class ExchangeRateService extends Curated<String, ExchangeRate, ExchangeRateRequest> {

    /** Listings are counted by table, not through their entity: listings build on rates, not rates on listings. */
    private static final Definition<String, ExchangeRate, ExchangeRateRequest> DEFINITION = new Definition<>("exchange rate",
            "currency", ExchangeRateRequest.class, ExchangeRate::findByCurrency, rate -> rate.currency, ExchangeRateRequest::currency,
            rate -> new ExchangeRateRequest(rate.currency, rate.rate, rate.asOf, rate.source), ExchangeRate::new,
            List.of(new Reference("listing paid in it", "listings paid in it",
                    "select count(*) from task_listing where pay_currency = :key")));

    public ExchangeRateService() {
        super(DEFINITION);
    }

    @Inject
    Event<ExchangeRateChanged> changed;

    @Override
    public boolean unchanged(ExchangeRate rate, ExchangeRateRequest request) {
        return rate.rate.compareTo(request.rate()) == 0 && rate.asOf.equals(request.asOf()) && rate.source.equals(request.source());
    }

    @Override
    public Consumer<ExchangeRate> check(String currency, ExchangeRateRequest request, ExchangeRate existing,
            List<FieldError> errors) {
        if (ExchangeRate.BASE.equals(currency)) {
            errors.add(new FieldError("currency", "USD is the currency every rate converts to: its rate is always 1"));
        } else if (!Currencies.isCode(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code in upper case, such as EUR"));
        }
        if (request.rate() != null && request.rate().stripTrailingZeros().scale() > 10) {
            errors.add(new FieldError("rate", "must have at most ten decimals"));
        }
        return rate -> {
            rate.currency = currency;
            rate.updatedAt = TimestampedEntity.now();
            rate.rate = request.rate();
            rate.asOf = request.asOf();
            rate.source = request.source();
            // Fired before the rate is flushed: the listings paid in it are derived again from the entity as it is now.
            changed.fire(new ExchangeRateChanged(rate));
        };
    }
}
