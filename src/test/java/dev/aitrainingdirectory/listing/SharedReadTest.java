package dev.aitrainingdirectory.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A caller of the shared head read never gets a value read before it called. */
class SharedReadTest {

    @Test
    void aCallerArrivingDuringAReadGetsTheNextReadNotTheOneInFlight() throws Exception {
        ListingChangeLog.SharedRead shared = new ListingChangeLog.SharedRead();
        // Two threads of its own: the common pool may have only one on a small machine.
        ExecutorService callers = Executors.newFixedThreadPool(2);
        AtomicLong reads = new AtomicLong();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> shared.read(() -> {
            long n = reads.incrementAndGet();
            if (n == 1) {
                firstStarted.countDown();
                await(release);
            }
            return n;
        }), callers);
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> shared.read(reads::incrementAndGet), callers);
        while (!shared.readerWaiting()) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(reads.get()).isEqualTo(2);
        callers.shutdownNow();
    }

    @Test
    void aFailedReadFailsItsCallersAndTheNextReadRunsAgain() {
        ListingChangeLog.SharedRead shared = new ListingChangeLog.SharedRead();
        assertThatThrownBy(() -> shared.read(() -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database down");
        assertThat(shared.read(() -> 7)).isEqualTo(7);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
