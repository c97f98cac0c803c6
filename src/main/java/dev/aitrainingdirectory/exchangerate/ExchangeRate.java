package dev.aitrainingdirectory.exchangerate;

import dev.aitrainingdirectory.persistence.TimestampedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What one unit of a currency is worth in US dollars, as of a day, from a named source. */
@Entity
@Table(name = "exchange_rate")
public class ExchangeRate extends TimestampedEntity {

    /** The currency every rate converts to, and every hourly figure is given in: it has no rate of its own. */
    public static final String BASE = "USD";

    /** ISO 4217 code, upper case. */
    @Id
    @Column(length = 3)
    public String currency;

    /** US dollars per unit of {@link #currency}. */
    @Column(nullable = false, precision = 20, scale = 10)
    public BigDecimal rate;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(nullable = false, length = 200)
    public String source;

    public static Optional<ExchangeRate> findByCurrency(String currency) {
        return currency == null || !Currencies.isCode(currency) ? Optional.empty() : findByIdOptional(currency);
    }

    /** Every rate, by currency code (sorted here, not by the database's collation). */
    public static List<ExchangeRate> listAllByCurrency() {
        return ExchangeRate.<ExchangeRate>listAll().stream().sorted(Comparator.comparing(rate -> rate.currency)).toList();
    }

    /** The rates of these currencies that exist, keyed by currency. */
    public static Map<String, ExchangeRate> mapByCurrencies(Collection<String> currencies) {
        if (currencies.isEmpty()) {
            return Map.of();
        }
        return ExchangeRate.<ExchangeRate>list("currency in ?1", currencies).stream()
                .collect(Collectors.toMap(rate -> rate.currency, Function.identity()));
    }
}
