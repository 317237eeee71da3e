package dev.orrery.supervisor;

import dev.orrery.metrics.MetricsSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * What a worker tells its supervisor, at start and then at every report interval.
 *
 * @param group     the worker's group
 * @param slot      the worker's place in its group, from 1
 * @param pid       the worker's process id
 * @param services  the services it serves
 * @param endpoints where it serves them
 * @param metrics   its node's call statistics: totals since it started, latencies since its previous report
 */
public record WorkerReport(String group, int slot, long pid, List<String> services, List<String> endpoints,
                           MetricsSnapshot metrics) {

    /** Checks and copies. */
    public WorkerReport {
        services = List.copyOf(services);
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(metrics, "metrics");
    }
}
