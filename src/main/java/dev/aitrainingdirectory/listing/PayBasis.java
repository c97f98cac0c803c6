package dev.aitrainingdirectory.listing;

/** How a listing's hourly pay in US dollars was arrived at. */
public enum PayBasis {
    /** Paid by the hour in US dollars: the figure as the platform gives it. */
    PUBLISHED,
    /** Paid by the hour in another currency, converted at the exchange rate shown. */
    CONVERTED,
    /** Paid per task: the rate times the tasks an hour at the expected minutes per task (converted too, if need be). */
    ESTIMATED
}
