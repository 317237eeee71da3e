package dev.orrery.supervisor;

import java.time.Instant;

/**
 * One point of a group's history, taken once a second, for the console's charts.
 *
 * @param time           when it was taken
 * @param callsPerSecond calls per second since the previous sample
 * @param p50Micros      median latency since the previous sample, in microseconds
 * @param p99Micros      99th percentile latency since the previous sample, in microseconds
 * @param p999Micros     99.9th percentile latency since the previous sample, in microseconds
 * @param cpuPercent     CPU use of all workers, in percent of one core
 * @param rssBytes       resident memory of all workers, in bytes
 * @param workers        how many workers ran
 */
public record Sample(Instant time, double callsPerSecond, double p50Micros, double p99Micros, double p999Micros,
                     double cpuPercent, long rssBytes, int workers) {
}
