package dev.orrery.metrics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The calls a node served, per service and per method, at one moment; immutable. Counters run from the moment
 * each service was exported; latencies cover {@link #intervalNanos()}, the time since the previous snapshot.
 *
 * <p>Only strings, numbers, lists and bytes: Orrery's codecs carry it as it is, as an argument or a result.
 *
 * @param node          the name of the node that took it, or of the group it sums
 * @param epochMillis   when it was taken, in milliseconds since the epoch
 * @param intervalNanos how long since the previous snapshot (or since the node was made, for its first): the
 *                      time the latencies cover
 * @param services      per service, in the order they were exported
 * @param methods       per method, service by service
 */
public record MetricsSnapshot(String node, long epochMillis, long intervalNanos, List<ServiceMetrics> services,
                              List<MethodMetrics> methods) {

    /**
     * Copies the lists.
     *
     * @param node          the node's name
     * @param epochMillis   when it was taken
     * @param intervalNanos time since the previous snapshot
     * @param services      per service
     * @param methods       per method
     */
    public MetricsSnapshot {
        Objects.requireNonNull(node, "node");
        services = List.copyOf(services);
        methods = List.copyOf(methods);
    }

    /**
     * The figures of one method.
     *
     * @param service the service's name
     * @param method  the method's name
     * @return its figures, or empty when the node does not serve it
     */
    public Optional<MethodMetrics> method(String service, String method) {
        return methods.stream().filter(m -> m.service().equals(service) && m.method().equals(method)).findFirst();
    }

    /**
     * The figures of one service.
     *
     * @param service the service's name
     * @return its figures, or empty when the node does not serve it
     */
    public Optional<ServiceMetrics> service(String service) {
        return services.stream().filter(s -> s.service().equals(service)).findFirst();
    }

    /**
     * Adds up snapshots of several nodes taken at about the same time, such as the workers of one group: per
     * service and method, counters and latencies summed (see {@link MethodMetrics#plus}). The sum is as late as
     * the latest and covers as long an interval as the longest.
     *
     * @param name      the name of the sum, such as the group's
     * @param snapshots the snapshots, one per node
     * @return the sum; with no snapshots, an empty one taken at the epoch
     */
    public static MetricsSnapshot merge(String name, Collection<MetricsSnapshot> snapshots) {
        Map<String, ServiceMetrics> services = new LinkedHashMap<>();
        Map<List<String>, MethodMetrics> methods = new LinkedHashMap<>();
        long epochMillis = 0;
        long intervalNanos = 0;
        for (MetricsSnapshot snapshot : snapshots) {
            epochMillis = Math.max(epochMillis, snapshot.epochMillis);
            intervalNanos = Math.max(intervalNanos, snapshot.intervalNanos);
            for (ServiceMetrics service : snapshot.services) {
                services.merge(service.service(), service, ServiceMetrics::plus);
            }
            for (MethodMetrics method : snapshot.methods) {
                methods.merge(List.of(method.service(), method.method()), method, MethodMetrics::plus);
            }
        }
        return new MetricsSnapshot(name, epochMillis, intervalNanos, List.copyOf(services.values()),
                List.copyOf(methods.values()));
    }
}
