package dev.aitrainingdirectory.listing;

import dev.aitrainingdirectory.persistence.TimestampedEntity;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Closes listings whose {@code expiresAt} has passed, so their stored status and the changes feed
 * catch up with what clients already see (an expired listing reads as CLOSED at once).
 */
@ApplicationScoped
public class ListingExpiryJob {

    private static final Logger LOG = Logger.getLogger(ListingExpiryJob.class);

    @Inject
    ListingService listings;

    @Scheduled(every = "{directory.expiry.interval}", delayed = "{directory.expiry.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeExpiredListings() {
        Instant now = TimestampedEntity.now();
        if (TaskListing.count("status <> ?1 and expiresAt <= ?2", ListingStatus.CLOSED, now) == 0) {
            return;
        }
        int closed = listings.closeExpired(now);
        LOG.infof("Closed %d listings past their expiry", closed);
    }
}
