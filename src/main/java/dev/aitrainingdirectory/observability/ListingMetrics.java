package dev.aitrainingdirectory.observability;

import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.search.ListingSearchEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The {@code directory_listings{status=...}} gauges: how many listings are OPEN, PAUSED and CLOSED
 * as clients see them, counted by the search index every 30 seconds rather than on each scrape.
 */
@ApplicationScoped
public class ListingMetrics {

    private static final Logger LOG = Logger.getLogger(ListingMetrics.class);

    private final Map<ListingStatus, AtomicLong> counts = new EnumMap<>(ListingStatus.class);

    @Inject
    ListingSearchEngine engine;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (ListingStatus status : ListingStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("directory_listings", count, AtomicLong::get)
                    .description("Listings by the status clients see")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void refresh() {
        try {
            if (!engine.ready()) {
                return;
            }
            Map<ListingStatus, Long> found = engine.statuses();
            counts.forEach((status, count) -> count.set(found.getOrDefault(status, 0L)));
        } catch (RuntimeException unavailable) {
            // The database may be down, or the index not built yet; the gauges keep their last values.
            LOG.warnf("Could not count listings for the metrics: %s", unavailable.getMessage());
        }
    }
}
