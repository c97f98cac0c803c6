package dev.aitrainingdirectory.persistence;

import dev.aitrainingdirectory.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The gate in front of {@link SerializedWrite} methods: a fair semaphore of a few permits, taken
 * before the transaction (and its connection) begins. A write that waits longer than ten seconds
 * answers 503, so a flood of writes can neither exhaust the connection pool nor starve reads.
 */
@SerializedWrite
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class WriteGate {

    /** Writes holding a connection at once: one working, one ready to take the lock next. */
    private static final int PERMITS = 2;
    private static final long MAX_WAIT_SECONDS = 10;

    private final Semaphore permits = new Semaphore(PERMITS, true);
    /** Whether this thread already passed the gate: a write calling another (PATCH calls PUT) must not wait for itself. */
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> Boolean.FALSE);

    @AroundInvoke
    Object passOneAtATime(InvocationContext invocation) throws Exception {
        if (inside.get()) {
            return invocation.proceed();
        }
        if (!permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new ProblemException(503, "The directory is busy with other writes; retry shortly.");
        }
        inside.set(Boolean.TRUE);
        try {
            return invocation.proceed();
        } finally {
            inside.set(Boolean.FALSE);
            permits.release();
        }
    }
}
