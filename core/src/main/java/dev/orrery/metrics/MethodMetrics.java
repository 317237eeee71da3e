package dev.orrery.metrics;

import dev.orrery.internal.metrics.LatencyHistograms;
import java.util.Arrays;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The calls one node served for one method of one service. Counters run from the moment the service was
 * exported; {@link #latency()} holds only the calls completed since the node's previous
 * {@linkplain CallMetrics#snapshot() snapshot}, so that snapshots of several nodes, or several snapshots of one,
 * add up ({@link #plus}).
 *
 * <p>Only strings, numbers and bytes: Orrery's codecs carry it as it is, as an argument or a result.
 *
 * @param service   the service's name, such as {@code demo.echo}
 * @param method    the method's name, such as {@code echo}
 * @param calls     calls completed: answered, refused, or given up by their caller
 * @param errors    of those, the calls that failed (any status but OK, a cancellation too)
 * @param inFlight  calls received and not yet completed
 * @param busyNanos handler time: how long handlers held the service's concurrency permits, in nanoseconds
 * @param bytesIn   the encoded arguments of completed calls, in bytes, frame headers excluded
 * @param bytesOut  the encoded results sent, in bytes, frame headers excluded; failures and one-way calls add 0
 * @param latency   the latencies, from receipt to the answer handed to the transport, of the calls completed
 *                  since the previous snapshot, in nanoseconds: HdrHistogram's compressed encoding, or an empty
 *                  array when there were none; {@link #latencyHistogram()} decodes it
 */
public record MethodMetrics(String service, String method, long calls, long errors, long inFlight, long busyNanos,
                            long bytesIn, long bytesOut, byte[] latency) {

    /**
     * Checks the names and copies the latencies.
     *
     * @param service   the service's name
     * @param method    the method's name
     * @param calls     calls completed
     * @param errors    calls failed
     * @param inFlight  calls in flight
     * @param busyNanos handler time in nanoseconds
     * @param bytesIn   argument bytes
     * @param bytesOut  result bytes
     * @param latency   the encoded latencies; {@code null} is read as none
     */
    public MethodMetrics {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        latency = latency == null ? new byte[0] : latency.clone();
    }

    /** @return a copy of the encoded latencies: HdrHistogram's compressed encoding, empty when there were none */
    @Override
    public byte[] latency() {
        return latency.clone();
    }

    /**
     * The latencies, decoded.
     *
     * @return a new histogram of nanoseconds, which grows as values added to it need
     */
    public Histogram latencyHistogram() {
        return decodeLatency(latency);
    }

    /**
     * The same method's figures from another snapshot or another node, added to these: counters and latencies
     * summed, as for the instances of a service, or for consecutive snapshots of one node (where the counters
     * of the later one should be taken alone instead, since they already include the earlier ones).
     *
     * @param other figures of the same service and method
     * @return the sum
     * @throws IllegalArgumentException when {@code other} is of another method
     */
    public MethodMetrics plus(MethodMetrics other) {
        if (!service.equals(other.service) || !method.equals(other.method)) {
            throw new IllegalArgumentException("cannot add " + other.service + "." + other.method + " to " + service
                    + "." + method + ": figures add up per method");
        }
        Histogram sum = latencyHistogram();
        sum.add(other.latencyHistogram());
        return new MethodMetrics(service, method, calls + other.calls, errors + other.errors,
                inFlight + other.inFlight, busyNanos + other.busyNanos, bytesIn + other.bytesIn,
                bytesOut + other.bytesOut, LatencyHistograms.encode(sum));
    }

    /**
     * Encodes latencies as {@link #latency()} holds them.
     *
     * @param histogram latencies in nanoseconds
     * @return HdrHistogram's compressed encoding, or an empty array when the histogram is empty
     */
    public static byte[] encodeLatency(Histogram histogram) {
        return LatencyHistograms.encode(histogram);
    }

    /**
     * Decodes latencies as {@link #latency()} holds them.
     *
     * @param encoded HdrHistogram's compressed encoding; an empty array for no latencies
     * @return a new histogram, which grows as values added to it need
     * @throws IllegalArgumentException when the bytes are not a compressed histogram
     */
    public static Histogram decodeLatency(byte[] encoded) {
        return LatencyHistograms.decode(encoded);
    }

    /**
     * Equal when every figure and every byte of the latencies are.
     *
     * @param other the other value
     * @return whether they are equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof MethodMetrics that && service.equals(that.service) && method.equals(that.method)
                && calls == that.calls && errors == that.errors && inFlight == that.inFlight
                && busyNanos == that.busyNanos && bytesIn == that.bytesIn && bytesOut == that.bytesOut
                && Arrays.equals(latency, that.latency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, method, calls, errors, inFlight, busyNanos, bytesIn, bytesOut)
                * 31 + Arrays.hashCode(latency);
    }

    @Override
    public String toString() {
        return "MethodMetrics[" + service + "." + method + " calls=" + calls + " errors=" + errors + " inFlight="
                + inFlight + " busyNanos=" + busyNanos + " bytesIn=" + bytesIn + " bytesOut=" + bytesOut
                + " latency=" + latency.length + " bytes]";
    }
}
