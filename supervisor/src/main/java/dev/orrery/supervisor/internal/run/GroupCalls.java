package dev.orrery.supervisor.internal.run;

import dev.orrery.metrics.MethodMetrics;
import dev.orrery.metrics.ServiceMetrics;
import dev.orrery.supervisor.MethodSnapshot;
import dev.orrery.supervisor.WorkerReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The calls of a group's workers, merged: totals that only grow (a restarted worker's counters start again
 * from zero, so totals add what each report adds to that worker's previous one), and per sample interval the
 * rate, the latency percentiles of the merged histograms, and the busy time. Touched on the supervisor's thread
 * only.
 */
final class GroupCalls {

    /** Latencies are kept from 1 µs to one hour with three significant digits. */
    private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);

    private final Map<String, MethodTotals> methods = new LinkedHashMap<>();
    private final Map<Long, Map<String, MethodMetrics>> lastByWorker = new HashMap<>();
    private final Map<Long, Long> inFlightByWorker = new HashMap<>();
    private final Map<Long, Long> capacityByWorker = new HashMap<>();

    /**
     * Adds a worker's report.
     *
     * @param report the report
     */
    void add(WorkerReport report) {
        Map<String, MethodMetrics> previous = lastByWorker.computeIfAbsent(report.pid(), pid -> new HashMap<>());
        for (MethodMetrics method : report.metrics().methods()) {
            String key = method.service() + "/" + method.method();
            MethodMetrics before = previous.put(key, method);
            MethodTotals totals = methods.computeIfAbsent(key, k -> new MethodTotals(method.service(),
                    method.method()));
            long calls = growth(before == null ? 0 : before.calls(), method.calls());
            long failed = growth(before == null ? 0 : before.errors(), method.errors());
            totals.calls += calls;
            totals.intervalCalls += calls;
            totals.errors += failed;
            totals.bytesIn += growth(before == null ? 0 : before.bytesIn(), method.bytesIn());
            totals.bytesOut += growth(before == null ? 0 : before.bytesOut(), method.bytesOut());
            totals.intervalBusyNanos += growth(before == null ? 0 : before.busyNanos(), method.busyNanos());
            totals.inFlightByWorker.put(report.pid(), method.inFlight());
            Histogram latency = decode(method.latency());
            if (latency != null) {
                totals.interval.add(latency);
            }
        }
        long inFlight = 0;
        long capacity = 0;
        for (ServiceMetrics service : report.metrics().services()) {
            inFlight += service.inFlight();
            capacity += service.concurrencyLimit();
        }
        inFlightByWorker.put(report.pid(), inFlight);
        capacityByWorker.put(report.pid(), capacity);
    }

    /** A counter's growth between two reports: its new value when it went down, as after a restart. */
    private static long growth(long before, long now) {
        return now >= before ? now - before : now;
    }

    private static Histogram decode(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            return null;
        }
        try {
            return MethodMetrics.decodeLatency(encoded);
        } catch (IllegalArgumentException e) {
            // Not a histogram: the report's counts still count, its latencies cannot.
            return null;
        }
    }

    /**
     * Closes a sample interval: its figures, and a new interval begins.
     *
     * @param length the interval's length
     * @return the figures of the interval
     */
    Interval interval(Duration length) {
        Histogram all = new Histogram(HIGHEST_NANOS, 3);
        long calls = 0;
        long busy = 0;
        double seconds = Math.max(1e-3, length.toNanos() / 1e9);
        for (MethodTotals totals : methods.values()) {
            totals.close(seconds);
            all.add(totals.interval);
            calls += totals.intervalCalls;
            busy += totals.intervalBusyNanos;
            totals.reset();
        }
        long capacity = capacityByWorker.values().stream().mapToLong(Long::longValue).sum();
        long inFlight = inFlightByWorker.values().stream().mapToLong(Long::longValue).sum();
        return new Interval(calls / seconds, micros(all, 50), micros(all, 99), micros(all, 99.9),
                busy / (seconds * 1e9), capacity, inFlight);
    }

    /**
     * Forgets a worker that exited: its calls stay in the totals.
     *
     * @param pid its process id
     */
    void forget(long pid) {
        lastByWorker.remove(pid);
        inFlightByWorker.remove(pid);
        capacityByWorker.remove(pid);
        methods.values().forEach(totals -> totals.inFlightByWorker.remove(pid));
    }

    private static double micros(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** @return failed calls since the group started */
    long errors() {
        return methods.values().stream().mapToLong(totals -> totals.errors).sum();
    }

    /** @return each method's figures, the rates and percentiles of the last closed interval */
    List<MethodSnapshot> methods() {
        List<MethodSnapshot> snapshots = new ArrayList<>();
        for (MethodTotals t : methods.values()) {
            long inFlight = t.inFlightByWorker.values().stream().mapToLong(Long::longValue).sum();
            snapshots.add(new MethodSnapshot(t.service, t.method, t.calls, t.errors, inFlight, t.lastRate,
                    t.lastP50, t.lastP99, t.lastP999, t.bytesIn, t.bytesOut));
        }
        return snapshots;
    }

    /**
     * A sample interval's figures.
     *
     * @param callsPerSecond calls completed per second
     * @param p50Micros      median latency
     * @param p99Micros      99th percentile latency
     * @param p999Micros     99.9th percentile latency
     * @param busyHandlers   handlers busy on average (busy time over the interval)
     * @param capacity       handlers that may run at once, over every worker and service
     * @param inFlight       calls running at the last reports
     */
    record Interval(double callsPerSecond, double p50Micros, double p99Micros, double p999Micros,
                    double busyHandlers, long capacity, long inFlight) {

        /** @return busy time over capacity, 0 to 1 */
        double utilisation() {
            return capacity == 0 ? 0 : Math.min(1, busyHandlers / capacity);
        }

        /** @return calls in flight over capacity, 0 to 1 */
        double slotsInUse() {
            return capacity == 0 ? 0 : Math.min(1, (double) inFlight / capacity);
        }
    }

    /** One method's totals and current interval. */
    private static final class MethodTotals {
        final String service;
        final String method;
        final Histogram interval = new Histogram(HIGHEST_NANOS, 3);
        final Map<Long, Long> inFlightByWorker = new HashMap<>();
        long calls;
        long errors;
        long bytesIn;
        long bytesOut;
        long intervalCalls;
        long intervalBusyNanos;
        double lastRate;
        double lastP50;
        double lastP99;
        double lastP999;

        MethodTotals(String service, String method) {
            this.service = service;
            this.method = method;
        }

        void close(double seconds) {
            lastRate = intervalCalls / seconds;
            lastP50 = micros(interval, 50);
            lastP99 = micros(interval, 99);
            lastP999 = micros(interval, 99.9);
        }

        void reset() {
            interval.reset();
            intervalCalls = 0;
            intervalBusyNanos = 0;
        }
    }
}
