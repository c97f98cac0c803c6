package dev.aitrainingdirectory.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Requests sent at once, to see what the service does when they race. */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Runs {@code count} calls at once: each on a thread of its own that waits at a start gate until every one
     * is ready, so that they reach the service together. Returns their results in the order of their numbers.
     * The timeouts only keep a hung call from hanging the build; no result depends on them.
     */
    public static <T> List<T> run(int count, IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int number = 0; number < count; number++) {
                Callable<T> each = call.apply(number);
                results.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return each.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("every call at the start gate").isTrue();
            start.countDown();
            List<T> done = new ArrayList<>();
            for (Future<T> result : results) {
                done.add(result.get(60, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }
}
