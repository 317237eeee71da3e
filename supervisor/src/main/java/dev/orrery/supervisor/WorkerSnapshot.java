package dev.orrery.supervisor;

import java.time.Instant;

/**
 * One worker process at one moment.
 *
 * @param pid        its process id; 0 before its JVM started
 * @param status     where it stands
 * @param restarts   how many times the supervisor restarted the worker in this slot
 * @param startedAt  when its current process started
 * @param uptimeMillis how long its current process has run, in milliseconds
 * @param cpuPercent its CPU use over the last sample, in percent of one core
 * @param rssBytes   its resident memory, in bytes
 * @param threads    its thread count
 * @param lastExit   how its previous process ended, such as {@code exit code 1}, or empty
 */
public record WorkerSnapshot(long pid, WorkerStatus status, int restarts, Instant startedAt, long uptimeMillis,
                             double cpuPercent, long rssBytes, int threads, String lastExit) {
}
