package dev.aitrainingdirectory.exchangerate;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** The ISO 4217 currency codes, as the JDK knows them. */
public final class Currencies {

    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private Currencies() {
    }

    /** Whether {@code code} is an ISO 4217 code, in upper case as the standard writes it. */
    public static boolean isCode(String code) {
        return code != null && CODES.contains(code);
    }
}
