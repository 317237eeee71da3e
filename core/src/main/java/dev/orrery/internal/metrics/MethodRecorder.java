package dev.orrery.internal.metrics;

import dev.orrery.metrics.MethodMetrics;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * The figures of one method of one exported service, recorded on the call path: {@link #begin()} when a call is
 * handed to its executor, {@link #end} once it is answered. Made when the service is exported and reached from
 * its {@code ExportedService} by the method's index, so a call finds it without a lookup.
 *
 * <p>A call costs an atomic add at its start and, at its end, one compare-and-set on a {@link RecorderStripe}
 * plus plain stores. One stripe serves every writer until two meet on it; then the method spreads its writers
 * over a few stripes by thread. Readers ({@link #totals()}, {@link #snapshot}, {@link #latencyAt}) take each
 * stripe's lock in turn; harvesting swaps each stripe's histogram for an empty one, so writers never wait for a
 * histogram to be copied.
 */
public final class MethodRecorder {
    private static final VarHandle STRIPES;
    /** Enough stripes that writers on every core rarely meet: twice the cores, at most 64. */
    private static final int MAX_STRIPES = Math.min(64,
            Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors() * 2 - 1)) << 1);
    /** The window of the quantiles registries read: three slices of 20 s. */
    private static final int WINDOW_SLICES = 3;
    private static final long WINDOW_SLICE_NANOS = 20_000_000_000L;

    static {
        try {
            STRIPES = MethodHandles.lookup().findVarHandle(MethodRecorder.class, "stripes", RecorderStripe[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String service;
    private final String method;
    private final LongSupplier clock;
    /** Calls begun; those in flight are these less those completed. */
    private final LongAdder started = new LongAdder();
    private final RecorderStripe base = new RecorderStripe();
    /** {@code null} until two writers met on {@link #base}, which is then the first of them. */
    private volatile RecorderStripe[] stripes;
    /** Latencies harvested since the previous snapshot; guarded by this. */
    private final Histogram sinceSnapshot = LatencyHistograms.create();
    /** Made when a registry first reads quantiles; guarded by this. */
    private LatencyWindow window;

    /**
     * @param service the service's name
     * @param method  the method's name
     * @param clock   the time in nanoseconds, for the window of quantiles
     */
    MethodRecorder(String service, String method, LongSupplier clock) {
        this.service = service;
        this.method = method;
        this.clock = clock;
    }

    /** @return the service's name */
    public String service() {
        return service;
    }

    /** @return the method's name */
    public String method() {
        return method;
    }

    /** Counts a call as in flight: it has been handed to its executor. Each is followed by one {@link #end}. */
    public void begin() {
        started.increment();
    }

    /**
     * Counts a call as completed: answered, refused, or given up by its caller.
     *
     * @param latencyNanos from its receipt to its answer being handed to the transport
     * @param busyNanos    how long its handler held a concurrency permit; 0 when it never ran
     * @param bytesIn      the size of its arguments as received
     * @param bytesOut     the size of its encoded result; 0 for a failure or a one-way call
     * @param failed       whether it failed
     */
    public void end(long latencyNanos, long busyNanos, int bytesIn, int bytesOut, boolean failed) {
        RecorderStripe stripe = acquire();
        try {
            stripe.calls++;
            if (failed) {
                stripe.errors++;
            }
            stripe.busyNanos += busyNanos;
            stripe.bytesIn += bytesIn;
            stripe.bytesOut += bytesOut;
            stripe.latency.recordValue(Math.max(0, latencyNanos));
        } finally {
            stripe.unlock();
        }
    }

    private RecorderStripe acquire() {
        RecorderStripe[] all = stripes;
        RecorderStripe first = all == null ? base : all[slot(all.length)];
        return first.tryLock() ? first : acquireContended(all);
    }

    private RecorderStripe acquireContended(RecorderStripe[] seen) {
        RecorderStripe[] all = seen;
        if (all == null) {
            RecorderStripe[] grown = new RecorderStripe[MAX_STRIPES];
            grown[0] = base;
            for (int i = 1; i < grown.length; i++) {
                grown[i] = new RecorderStripe();
            }
            all = STRIPES.compareAndSet(this, null, grown) ? grown : stripes;
        }
        int mask = all.length - 1;
        int start = slot(all.length);
        for (int attempt = 0; ; attempt++) {
            RecorderStripe stripe = all[(start + attempt) & mask];
            if (stripe.tryLock()) {
                return stripe;
            }
            if ((attempt & mask) == mask) {
                // Every stripe is held: holders are off their cores; let them finish.
                Thread.yield();
            }
        }
    }

    /** A thread keeps its stripe: an I/O thread that runs handlers itself stays on one cache line. */
    private static int slot(int length) {
        long id = Thread.currentThread().threadId();
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & (length - 1);
    }

    private RecorderStripe[] all() {
        RecorderStripe[] all = stripes;
        return all == null ? new RecorderStripe[] {base} : all;
    }

    /** @return the counters since the service was exported; latencies stay where they are */
    public Totals totals() {
        return collect(false);
    }

    /**
     * The method's figures now, with the latencies of the calls completed since the previous snapshot, which
     * this one starts afresh.
     *
     * @return the figures
     */
    public synchronized MethodMetrics snapshot() {
        Totals totals = collect(true);
        byte[] latency = LatencyHistograms.encode(sinceSnapshot);
        sinceSnapshot.reset();
        return new MethodMetrics(service, method, totals.calls(), totals.errors(), totals.inFlight(),
                totals.busyNanos(), totals.bytesIn(), totals.bytesOut(), latency);
    }

    /**
     * A quantile of the latencies of the last minute or so; the first call starts the window.
     *
     * @param quantile such as 0.99
     * @return nanoseconds, within 1 %; 0 when no call completed in the window
     */
    public synchronized long latencyAt(double quantile) {
        if (window == null) {
            window = new LatencyWindow(WINDOW_SLICES, WINDOW_SLICE_NANOS, clock.getAsLong());
        }
        collect(true);
        return window.valueAt(quantile, clock.getAsLong());
    }

    /**
     * Sums the stripes' counters and, when harvesting, moves their latencies to the snapshot's and the window's
     * histograms, taken in the same turn of each lock as the counters: the latencies harvested are exactly those
     * of the calls counted since the previous harvest. Harvesting is guarded by this.
     */
    private Totals collect(boolean harvesting) {
        long now = harvesting ? clock.getAsLong() : 0;
        long calls = 0;
        long errors = 0;
        long busyNanos = 0;
        long bytesIn = 0;
        long bytesOut = 0;
        for (RecorderStripe stripe : all()) {
            Histogram full = null;
            stripe.lock();
            try {
                calls += stripe.calls;
                errors += stripe.errors;
                busyNanos += stripe.busyNanos;
                bytesIn += stripe.bytesIn;
                bytesOut += stripe.bytesOut;
                if (harvesting) {
                    full = stripe.latency;
                    stripe.latency = stripe.spare;
                }
            } finally {
                stripe.unlock();
            }
            if (full != null) {
                sinceSnapshot.add(full);
                if (window != null) {
                    window.add(full, now);
                }
                full.reset();
                stripe.spare = full;
            }
        }
        // Read after the stripes: every call they count as completed has been counted as begun too.
        long inFlight = Math.max(0, started.sum() - calls);
        return new Totals(calls, errors, inFlight, busyNanos, bytesIn, bytesOut);
    }

    /**
     * Counters of a method.
     *
     * @param calls     calls completed
     * @param errors    of which failed
     * @param inFlight  calls begun and not completed
     * @param busyNanos handler time
     * @param bytesIn   argument bytes
     * @param bytesOut  result bytes
     */
    public record Totals(long calls, long errors, long inFlight, long busyNanos, long bytesIn, long bytesOut) {
    }
}
