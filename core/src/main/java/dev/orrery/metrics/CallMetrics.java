package dev.orrery.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The calls a node serves, counted per service and per method as they complete: the node's
 * {@link dev.orrery.Node#metrics()}. Read it as values ({@link #snapshot()}), or bind it to any Micrometer
 * registry ({@link #bindTo}), which then reads it whenever it publishes.
 *
 * <pre>{@code
 * MeterRegistry registry = new SimpleMeterRegistry();   // or Prometheus, Graphite, …
 * node.metrics().bindTo(registry);
 * }</pre>
 *
 * <p>With {@code NodeOptions.metrics(false)} nothing is recorded: snapshots list no service and binding adds no
 * meter. Thread-safe.
 */
public interface CallMetrics extends MeterBinder {

    /** Counter of calls completed; tags {@code service} and {@code method}. */
    String CALLS = "orrery.calls";
    /** Counter of calls that failed; tags {@code service} and {@code method}. */
    String ERRORS = "orrery.call.errors";
    /** Gauge of calls received and not yet completed; tags {@code service} and {@code method}. */
    String IN_FLIGHT = "orrery.calls.in.flight";
    /** Counter of argument bytes received, in bytes; tags {@code service} and {@code method}. */
    String BYTES_IN = "orrery.call.bytes.in";
    /** Counter of result bytes sent, in bytes; tags {@code service} and {@code method}. */
    String BYTES_OUT = "orrery.call.bytes.out";
    /**
     * Time gauge of a quantile of the latencies of the last 40 to 60 seconds, from receipt to the answer handed
     * to the transport; tags {@code service}, {@code method} and {@code quantile} ({@code 0.5}, {@code 0.99},
     * {@code 0.999}).
     */
    String LATENCY = "orrery.call.latency";
    /** Function timer of handler time: its count is calls completed, its total the time handlers held permits. */
    String BUSY = "orrery.call.busy";
    /** Gauge of the handlers of a service that may run at once; tag {@code service}. */
    String CONCURRENCY_LIMIT = "orrery.service.concurrency.limit";

    /**
     * Whether calls are recorded: {@code NodeOptions.metrics}, on by default.
     *
     * @return false when the node records nothing
     */
    boolean enabled();

    /**
     * The figures of every service the node serves, now; the latencies are those of the calls completed since
     * the previous snapshot, which this one starts afresh. Meant to be taken about once a second by one reader,
     * such as a worker reporting to its supervisor; cheap enough for that at any call rate.
     *
     * @return the snapshot; with metrics off, one that lists no service
     */
    MetricsSnapshot snapshot();

    /**
     * Registers the meters of every service the node serves, and of every service it serves later, with a
     * registry: counters, gauges and timers that read the recorded figures when the registry publishes (names in
     * this interface's constants; each tagged with {@code service} and, but for {@link #CONCURRENCY_LIMIT},
     * {@code method}). They are removed from the registry when the node closes. Binding does not take latencies
     * away from {@link #snapshot()}: both see every call.
     *
     * @param registry any Micrometer registry
     */
    @Override
    void bindTo(MeterRegistry registry);
}
