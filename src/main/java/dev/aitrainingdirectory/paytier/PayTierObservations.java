package dev.aitrainingdirectory.paytier;

/** What the open listings of a tier that pay by the hour in USD actually pay, as the listing search finds them now. */
public interface PayTierObservations {

    ObservedPay observe(PayTier tier);
}
