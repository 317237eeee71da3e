package dev.orrery.internal.metrics;

import org.HdrHistogram.Histogram;

/**
 * The latencies of the last minute or so, for quantiles that a registry reads whenever it likes: a ring of
 * histograms, each covering an equal slice of time, and their sum. The oldest slice leaves the sum when the ring
 * turns, so a quantile reflects between {@code (slices - 1)} and {@code slices} slices of calls.
 *
 * <p>Not thread-safe: its {@link MethodRecorder} uses it under its own lock.
 */
final class LatencyWindow {
    private final Histogram[] slices;
    private final Histogram sum = LatencyHistograms.create();
    private final long sliceNanos;
    private int current;
    private long currentStart;

    /**
     * @param slices     how many slices the ring holds
     * @param sliceNanos how long each lasts
     * @param now        the clock's time now, in nanoseconds
     */
    LatencyWindow(int slices, long sliceNanos, long now) {
        this.slices = new Histogram[slices];
        for (int i = 0; i < slices; i++) {
            this.slices[i] = LatencyHistograms.create();
        }
        this.sliceNanos = sliceNanos;
        this.currentStart = now;
    }

    /**
     * Adds the latencies harvested now to the current slice.
     *
     * @param latencies what was recorded since the previous harvest
     * @param now       the clock's time now
     */
    void add(Histogram latencies, long now) {
        turn(now);
        slices[current].add(latencies);
        sum.add(latencies);
    }

    /**
     * A quantile of the latencies in the window.
     *
     * @param quantile such as 0.99
     * @param now      the clock's time now
     * @return the value in nanoseconds, within 1 %; 0 when the window holds no call
     */
    long valueAt(double quantile, long now) {
        turn(now);
        return sum.getTotalCount() == 0 ? 0 : sum.getValueAtPercentile(quantile * 100.0);
    }

    /** Drops the slices that have ended more than a window ago. */
    private void turn(long now) {
        long elapsed = now - currentStart;
        if (elapsed < sliceNanos) {
            return;
        }
        long turns = elapsed / sliceNanos;
        if (turns >= slices.length) {
            for (Histogram slice : slices) {
                slice.reset();
            }
            sum.reset();
        } else {
            for (long i = 0; i < turns; i++) {
                current = (current + 1) % slices.length;
                sum.subtract(slices[current]);
                slices[current].reset();
            }
        }
        currentStart += turns * sliceNanos;
    }
}
