package dev.aitrainingdirectory.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts of money as the database stores them: two decimals (bodies with fractions of a cent are refused before). */
public final class Money {

    private Money() {
    }

    /** {@code amount} at two decimals; null for null. */
    public static BigDecimal stored(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
