package dev.orrery.supervisor;

import dev.orrery.registry.Instance;
import java.util.List;

/**
 * A service group at one moment: its workers, the instances they registered and their calls.
 *
 * @param name           the group's name, from {@code [services.NAME]}
 * @param status         where it stands
 * @param reason         why it stands there, such as the crash loop that stopped it, or empty
 * @param minWorkers     the fewest workers it runs
 * @param maxWorkers     the most workers autoscaling may start
 * @param workers        its worker processes
 * @param instances      the instances its workers registered with the name server
 * @param cpuPercent     CPU use of all its workers, in percent of one core
 * @param rssBytes       resident memory of all its workers, in bytes
 * @param callsPerSecond calls per second over the last sample, all methods
 * @param p99Micros      99th percentile latency over the last sample, all methods, in microseconds
 * @param errors         failed calls since the group started
 * @param methods        per-method statistics
 */
public record GroupSnapshot(String name, GroupStatus status, String reason, int minWorkers, int maxWorkers,
                            List<WorkerSnapshot> workers, List<Instance> instances, double cpuPercent,
                            long rssBytes, double callsPerSecond, double p99Micros, long errors,
                            List<MethodSnapshot> methods) {

    /** Copies the lists. */
    public GroupSnapshot {
        workers = List.copyOf(workers);
        instances = List.copyOf(instances);
        methods = List.copyOf(methods);
    }
}
