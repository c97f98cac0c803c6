package dev.aitrainingdirectory.observability;

import dev.aitrainingdirectory.listing.ListingCriteria;
import dev.aitrainingdirectory.listing.ListingStatus;
import dev.aitrainingdirectory.persistence.SqlFilter;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The {@code directory_listings{status=...}} gauges: how many listings are OPEN, PAUSED and CLOSED
 * as clients see them. Counted every 30 seconds rather than on each scrape, so a scraper never
 * puts load on the database.
 */
@ApplicationScoped
public class ListingMetrics {

    private static final Logger LOG = Logger.getLogger(ListingMetrics.class);

    private final Map<ListingStatus, AtomicLong> counts = new EnumMap<>(ListingStatus.class);

    @Inject
    EntityManager entityManager;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (ListingStatus status : ListingStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("directory_listings", count, AtomicLong::get)
                    .description("Listings by the status clients see")
                    .tag("status", status.name())
                    .register(registry);
        }
        refresh();
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void refresh() {
        try {
            SqlFilter filter = new SqlFilter().bind("now", TimestampedEntity.now());
            Map<ListingStatus, Long> found = new EnumMap<>(ListingStatus.class);
            for (Object[] row : filter.rows(entityManager, "select s.status, count(*) from (select "
                    + ListingCriteria.EFFECTIVE_STATUS + " as status from task_listing l) s group by s.status")) {
                found.put(ListingStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
            }
            counts.forEach((status, count) -> count.set(found.getOrDefault(status, 0L)));
        } catch (RuntimeException unavailable) {
            // The database may be down; the gauges keep their last values and readiness reports the outage.
            LOG.warnf("Could not count listings for the metrics: %s", unavailable.getMessage());
        }
    }
}
