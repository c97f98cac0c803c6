package dev.aitrainingdirectory.exampledata;

import dev.aitrainingdirectory.exchangerate.ExchangeRateRequest;
import dev.aitrainingdirectory.listing.ListingRequest;
import dev.aitrainingdirectory.paytier.PayTierRequest;
import dev.aitrainingdirectory.platform.PlatformRequest;
import java.util.List;

/** The example directory shipped with the service, in the same shapes the write API takes. */
public record ExampleData(List<ExchangeRateRequest> exchangeRates, List<PayTierRequest> payTiers, List<PlatformRequest> platforms,
        List<ListingRequest> listings) {
}
