package dev.aitrainingdirectory.exchangerate;

/** A currency's rate was set or changed: the hourly pay derived from it is to be derived again. */
public record ExchangeRateChanged(ExchangeRate rate) {
}
