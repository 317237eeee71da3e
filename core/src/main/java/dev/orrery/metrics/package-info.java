/**
 * The calls a node serves, measured: per service and per method, calls completed, failures, calls in flight,
 * handler time, bytes in and out, and a latency histogram from receipt to answer.
 *
 * <p>{@link dev.orrery.metrics.CallMetrics}, from {@link dev.orrery.Node#metrics()}, gives them two ways:
 *
 * <ul>
 *   <li>as values: {@link dev.orrery.metrics.CallMetrics#snapshot()} returns a
 *       {@link dev.orrery.metrics.MetricsSnapshot} of {@link dev.orrery.metrics.ServiceMetrics} and
 *       {@link dev.orrery.metrics.MethodMetrics} records, whose latencies are HdrHistogram interval histograms
 *       that add up across snapshots and nodes, and which Orrery's codecs carry as they are;</li>
 *   <li>through Micrometer: {@link dev.orrery.metrics.CallMetrics#bindTo} registers meters with any
 *       {@code MeterRegistry} (Prometheus, Graphite, …), latency quantiles p50, p99 and p99.9 included.</li>
 * </ul>
 *
 * <p>Recording is on by default and costs a clock reading and two atomic operations per call;
 * {@code NodeOptions.metrics(false)} turns it off. {@code docs/metrics.md} describes every figure.
 */
package dev.orrery.metrics;
