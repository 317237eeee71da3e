package dev.orrery.supervisor;

/**
 * The calls of one method of a service, summed over a group's workers.
 *
 * @param service        the service name
 * @param method         the method name
 * @param calls          calls completed since the group started
 * @param errors         calls that failed since the group started
 * @param inFlight       calls running now
 * @param callsPerSecond calls completed per second over the last sample
 * @param p50Micros      median latency over the last sample, in microseconds
 * @param p99Micros      99th percentile latency over the last sample, in microseconds
 * @param p999Micros     99.9th percentile latency over the last sample, in microseconds
 * @param bytesIn        request bytes received since the group started
 * @param bytesOut       reply bytes sent since the group started
 */
public record MethodSnapshot(String service, String method, long calls, long errors, long inFlight,
                             double callsPerSecond, double p50Micros, double p99Micros, double p999Micros,
                             long bytesIn, long bytesOut) {
}
