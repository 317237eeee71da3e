package dev.orrery.internal.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;

/**
 * One share of a method's figures: its counters and a latency histogram, behind a spin lock that a writer holds
 * for a handful of plain stores. Taking it costs one compare-and-set and giving it back one release store, where
 * a counter per figure would cost an atomic add each and a concurrent histogram several more.
 *
 * <p>Writers change the counters and {@link #latency} only while they hold the lock; the harvester reads the
 * counters and swaps {@link #latency} for {@link #spare} while it holds it. {@link #spare} belongs to the
 * harvester alone.
 */
final class RecorderStripe {
    private static final VarHandle LOCK;
    /** Spins of a waiting harvester between yields of its thread. */
    private static final int SPINS_PER_YIELD = 64;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(RecorderStripe.class, "lock", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 1 while held; read and written through {@link #LOCK} only. */
    private volatile int lock;
    long calls;
    long errors;
    long busyNanos;
    long bytesIn;
    long bytesOut;
    /** Latencies of the calls completed since the last harvest, in nanoseconds. */
    Histogram latency = LatencyHistograms.create();
    /** What the next harvest puts in place of {@link #latency}; the harvester's own. */
    Histogram spare = LatencyHistograms.create();

    /** @return whether this thread now holds the lock; false at once when another does */
    boolean tryLock() {
        return LOCK.compareAndSet(this, 0, 1);
    }

    /** Takes the lock, waiting for a writer to let go: writers hold it for nanoseconds. */
    void lock() {
        int spins = 0;
        while (lock != 0 || !tryLock()) {
            if (++spins % SPINS_PER_YIELD == 0) {
                // The holder may be a thread the scheduler took off its core; let it run.
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    void unlock() {
        LOCK.setRelease(this, 0);
    }
}
