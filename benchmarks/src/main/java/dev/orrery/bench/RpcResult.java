package dev.orrery.bench;

import org.HdrHistogram.Histogram;

/**
 * The measurement of one system at one concurrency.
 *
 * @param system       such as {@code orrery} or {@code grpc-java}
 * @param transport    such as {@code tcp}
 * @param payload      bytes per request
 * @param concurrency  calls in flight at once
 * @param calls        calls that succeeded during the measurement
 * @param errors       calls that failed during the measurement
 * @param elapsedNanos how long the measurement lasted
 * @param p50Us        median round trip, in microseconds
 * @param p99Us        99th percentile, in microseconds
 * @param p999Us       99.9th percentile, in microseconds
 * @param firstError   the first failure, or {@code null}
 * @param cpuPercent   the CPU time that client and server used together during the measurement, as a percentage
 *                     of one core (up to 200 on two cores), or NaN when it was not measured
 * @param metrics      whether Orrery's server recorded call metrics, {@code on} or {@code off}; {@code null} for
 *                     the other systems and benchmarks
 */
record RpcResult(String system, String transport, int payload, int concurrency, long calls, long errors,
                 long elapsedNanos, double p50Us, double p99Us, double p999Us, String firstError,
                 double cpuPercent, String metrics) {

    /** {@link #metrics()} of Orrery measured with its server's call metrics on, as it ships. */
    static final String METRICS_ON = "on";
    /** {@link #metrics()} of Orrery measured with its server's call metrics off. */
    static final String METRICS_OFF = "off";

    /**
     * A result of a system whose server has no metrics setting.
     *
     * @param system       such as {@code orrery} or {@code grpc-java}
     * @param transport    such as {@code tcp}
     * @param payload      bytes per request
     * @param concurrency  calls in flight at once
     * @param calls        calls that succeeded during the measurement
     * @param errors       calls that failed during the measurement
     * @param elapsedNanos how long the measurement lasted
     * @param p50Us        median round trip, in microseconds
     * @param p99Us        99th percentile, in microseconds
     * @param p999Us       99.9th percentile, in microseconds
     * @param firstError   the first failure, or {@code null}
     * @param cpuPercent   client and server CPU time in percent of one core, or NaN
     */
    RpcResult(String system, String transport, int payload, int concurrency, long calls, long errors,
              long elapsedNanos, double p50Us, double p99Us, double p999Us, String firstError, double cpuPercent) {
        this(system, transport, payload, concurrency, calls, errors, elapsedNanos, p50Us, p99Us, p999Us, firstError,
                cpuPercent, null);
    }

    /**
     * A result whose CPU time was not measured.
     *
     * @param system       such as {@code orrery} or {@code grpc-java}
     * @param transport    such as {@code tcp}
     * @param payload      bytes per request
     * @param concurrency  calls in flight at once
     * @param calls        calls that succeeded during the measurement
     * @param errors       calls that failed during the measurement
     * @param elapsedNanos how long the measurement lasted
     * @param p50Us        median round trip, in microseconds
     * @param p99Us        99th percentile, in microseconds
     * @param p999Us       99.9th percentile, in microseconds
     * @param firstError   the first failure, or {@code null}
     */
    RpcResult(String system, String transport, int payload, int concurrency, long calls, long errors,
              long elapsedNanos, double p50Us, double p99Us, double p999Us, String firstError) {
        this(system, transport, payload, concurrency, calls, errors, elapsedNanos, p50Us, p99Us, p999Us, firstError,
                Double.NaN);
    }

    /**
     * Summarises a measured interval.
     *
     * @param measurement  what was measured
     * @param interval     what the recorder saw
     * @param elapsedNanos how long it lasted
     * @return the result
     */
    static RpcResult of(Measurement measurement, LatencyRecorder.Interval interval, long elapsedNanos) {
        Histogram latencies = interval.latencies();
        Throwable failure = interval.firstError();
        return new RpcResult(measurement.system(), measurement.transport(), measurement.payload(),
                measurement.concurrency(), latencies.getTotalCount(), interval.errors(), elapsedNanos,
                micros(latencies, 50.0), micros(latencies, 99.0), micros(latencies, 99.9),
                failure == null ? null : describe(failure));
    }

    /**
     * The same result with the CPU time of client and server.
     *
     * @param percent a percentage of one core, or NaN when unknown
     * @return the result
     */
    RpcResult withCpuPercent(double percent) {
        return new RpcResult(system, transport, payload, concurrency, calls, errors, elapsedNanos, p50Us, p99Us,
                p999Us, firstError, percent, metrics);
    }

    /**
     * The same result, saying whether Orrery's server recorded call metrics.
     *
     * @param setting {@code on} or {@code off}
     * @return the result
     */
    RpcResult withMetrics(String setting) {
        return new RpcResult(system, transport, payload, concurrency, calls, errors, elapsedNanos, p50Us, p99Us,
                p999Us, firstError, cpuPercent, setting);
    }

    /**
     * Successful calls per second.
     *
     * @return the throughput, 0 when nothing was measured
     */
    double callsPerSec() {
        return elapsedNanos <= 0 ? 0 : calls * 1e9 / elapsedNanos;
    }

    /**
     * A percentile of latencies recorded in nanoseconds, in microseconds to a tenth.
     *
     * @param latencies  the latencies
     * @param percentile such as 99.9
     * @return the value, 0 when nothing was recorded
     */
    static double micros(Histogram latencies, double percentile) {
        if (latencies.getTotalCount() == 0) {
            return 0;
        }
        return Math.round(latencies.getValueAtPercentile(percentile) / 100.0) / 10.0;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
