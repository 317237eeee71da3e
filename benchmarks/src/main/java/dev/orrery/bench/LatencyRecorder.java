package dev.orrery.bench;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records the latency of every successful call and counts failed ones, from any number of threads, and hands
 * out what was recorded since the last interval: warm-up is one interval, thrown away, and the measurement is the
 * next one.
 *
 * <p>Latencies are recorded in nanoseconds with 3 significant digits, so a 20 µs round trip keeps 0.02 µs of
 * resolution; reports round them to 0.1 µs.
 */
final class LatencyRecorder {

    private static final int SIGNIFICANT_DIGITS = 3;

    /** Wait-free for many writers; its interval histograms are what warm-up and measurement read. */
    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final LongAdder errors = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();

    /**
     * Records a successful call.
     *
     * @param nanos its round-trip time
     */
    void success(long nanos) {
        recorder.recordValue(Math.max(1, nanos));
    }

    /**
     * Records a failed call; its latency is not recorded.
     *
     * @param failure why it failed
     */
    void failure(Throwable failure) {
        errors.increment();
        firstError.compareAndSet(null, failure);
    }

    /**
     * What was recorded since the previous call of this method, or since creation.
     *
     * @return the interval's latencies, failures and first failure
     */
    Interval interval() {
        long failed = errors.sumThenReset();
        Throwable first = firstError.getAndSet(null);
        Histogram histogram = recorder.getIntervalHistogram();
        return new Interval(histogram, failed, failed == 0 ? null : first);
    }

    /**
     * One interval's recordings.
     *
     * @param latencies  successful calls' round trips in nanoseconds
     * @param errors     calls that failed
     * @param firstError the first failure seen, or {@code null} (rarely also when {@code errors > 0}, if that
     *                   failure raced with the end of the previous interval)
     */
    record Interval(Histogram latencies, long errors, Throwable firstError) {
    }
}
