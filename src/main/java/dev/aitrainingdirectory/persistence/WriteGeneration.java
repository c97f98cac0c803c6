package dev.aitrainingdirectory.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of the writes this instance has finished. {@link WriteGate} advances it once a write's
 * transaction has ended, before the write is answered; a cache of what was read remembers the
 * generation it read at and is stale as soon as the counter has moved on.
 */
@ApplicationScoped
public class WriteGeneration {

    private final AtomicLong generation = new AtomicLong();

    public long current() {
        return generation.get();
    }

    void advance() {
        generation.incrementAndGet();
    }
}
