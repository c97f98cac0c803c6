package dev.aitrainingdirectory.webhook;

import dev.aitrainingdirectory.config.DirectoryConfig;
import dev.aitrainingdirectory.listing.ListingsChanged;
import dev.aitrainingdirectory.persistence.TimestampedEntity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the dispatcher on its own thread: at once after a listing write of this instance commits, and every poll
 * interval for the writes of other instances and for retries that fall due. Off where
 * {@code directory.webhooks.dispatch} is false (the tests, which call the dispatcher themselves).
 */
@ApplicationScoped
public class WebhookLoop {

    private static final Logger LOG = Logger.getLogger(WebhookLoop.class);

    /** How long the loop rests after the database failed it, so that an outage is not logged twice a second. */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(5);

    @Inject
    DirectoryConfig config;
    @Inject
    WebhookDispatcher dispatcher;

    /** Released by every commit of listing changes: wakes the loop before its poll interval has passed. */
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean stopping;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        if (!config.webhooks().dispatch()) {
            return;
        }
        thread = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        wake.release();
        if (thread != null) {
            thread.join(Duration.ofSeconds(15));
        }
    }

    void listingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListingsChanged changed) {
        wake.release();
    }

    private void run() {
        while (!stopping) {
            Duration rest = config.webhooks().pollInterval();
            try {
                wake.drainPermits();
                int work = dispatcher.fanOut(TimestampedEntity.now());
                work += dispatcher.deliverDue(TimestampedEntity.now());
                if (work > 0) {
                    continue;
                }
            } catch (RuntimeException | Error failed) {
                // Whatever failed, the loop goes on: a dead dispatcher thread would stop every partner's deliveries.
                LOG.warnf("Webhook dispatch failed, retrying in %d s: %s", AFTER_FAILURE.toSeconds(), failed);
                rest = AFTER_FAILURE;
            }
            try {
                wake.tryAcquire(rest.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }
}
