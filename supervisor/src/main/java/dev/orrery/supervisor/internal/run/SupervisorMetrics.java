package dev.orrery.supervisor.internal.run;

import dev.orrery.metrics.CallMetrics;
import dev.orrery.supervisor.GroupSnapshot;
import dev.orrery.supervisor.MethodSnapshot;
import dev.orrery.supervisor.WorkerSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The supervisor's figures as Micrometer meters, updated at every sample: per method of each group, calls,
 * errors, calls in flight, latency percentiles and bytes; per worker, CPU, resident memory, threads, uptime and
 * restarts; per group, its worker count. The call meters have the names a node's own {@link CallMetrics} binding
 * uses, with a {@code group} tag more; a Prometheus registry shows {@code orrery.calls} as {@code orrery_calls_total}.
 */
public final class SupervisorMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> counters = new HashMap<>();
    private final MultiGauge inFlight;
    private final MultiGauge latency;
    private final MultiGauge workerCpu;
    private final MultiGauge workerMemory;
    private final MultiGauge workerThreads;
    private final MultiGauge workerUptime;
    private final MultiGauge workerRestarts;
    private final MultiGauge groupWorkers;

    /**
     * Meters in a registry.
     *
     * @param registry the registry
     */
    public SupervisorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.inFlight = MultiGauge.builder(CallMetrics.IN_FLIGHT).description("calls running now")
                .register(registry);
        this.latency = MultiGauge.builder(CallMetrics.LATENCY).baseUnit("seconds")
                .description("latency of the calls completed during the last sample, by quantile")
                .register(registry);
        this.workerCpu = MultiGauge.builder("orrery.worker.cpu").baseUnit("cores")
                .description("CPU use of a worker over the last sample, in cores").register(registry);
        this.workerMemory = MultiGauge.builder("orrery.worker.memory.resident").baseUnit("bytes")
                .description("resident memory of a worker").register(registry);
        this.workerThreads = MultiGauge.builder("orrery.worker.threads").description("threads of a worker")
                .register(registry);
        this.workerUptime = MultiGauge.builder("orrery.worker.uptime").baseUnit("seconds")
                .description("how long a worker's process has run").register(registry);
        this.workerRestarts = MultiGauge.builder("orrery.worker.restarts")
                .description("restarts of a worker's slot").register(registry);
        this.groupWorkers = MultiGauge.builder("orrery.group.workers").description("workers of a group")
                .register(registry);
    }

    /**
     * Updates every meter from the groups' snapshots.
     *
     * @param groups every group
     */
    public void update(List<GroupSnapshot> groups) {
        List<MultiGauge.Row<?>> flights = new ArrayList<>();
        List<MultiGauge.Row<?>> latencies = new ArrayList<>();
        List<MultiGauge.Row<?>> cpu = new ArrayList<>();
        List<MultiGauge.Row<?>> memory = new ArrayList<>();
        List<MultiGauge.Row<?>> threads = new ArrayList<>();
        List<MultiGauge.Row<?>> uptime = new ArrayList<>();
        List<MultiGauge.Row<?>> restarts = new ArrayList<>();
        List<MultiGauge.Row<?>> sizes = new ArrayList<>();
        for (GroupSnapshot group : groups) {
            sizes.add(MultiGauge.Row.of(Tags.of("group", group.name()), group.workers().size()));
            for (MethodSnapshot method : group.methods()) {
                Tags tags = Tags.of("group", group.name(), "service", method.service(), "method", method.method());
                counter(CallMetrics.CALLS, "calls completed", tags, method.calls());
                counter(CallMetrics.ERRORS, "calls that failed", tags, method.errors());
                counter(CallMetrics.BYTES_IN, "request bytes received", tags, method.bytesIn());
                counter(CallMetrics.BYTES_OUT, "reply bytes sent", tags, method.bytesOut());
                flights.add(MultiGauge.Row.of(tags, method.inFlight()));
                latencies.add(MultiGauge.Row.of(tags.and("quantile", "0.5"), method.p50Micros() / 1e6));
                latencies.add(MultiGauge.Row.of(tags.and("quantile", "0.99"), method.p99Micros() / 1e6));
                latencies.add(MultiGauge.Row.of(tags.and("quantile", "0.999"), method.p999Micros() / 1e6));
            }
            for (WorkerSnapshot worker : group.workers()) {
                if (worker.pid() == 0) {
                    continue;
                }
                Tags tags = Tags.of("group", group.name(), "pid", Long.toString(worker.pid()));
                cpu.add(MultiGauge.Row.of(tags, worker.cpuPercent() / 100));
                memory.add(MultiGauge.Row.of(tags, worker.rssBytes()));
                threads.add(MultiGauge.Row.of(tags, worker.threads()));
                uptime.add(MultiGauge.Row.of(tags, worker.uptimeMillis() / 1000.0));
                restarts.add(MultiGauge.Row.of(tags, worker.restarts()));
            }
        }
        inFlight.register(flights, true);
        latency.register(latencies, true);
        workerCpu.register(cpu, true);
        workerMemory.register(memory, true);
        workerThreads.register(threads, true);
        workerUptime.register(uptime, true);
        workerRestarts.register(restarts, true);
        groupWorkers.register(sizes, true);
    }

    private void counter(String name, String description, Tags tags, long value) {
        AtomicLong holder = counters.computeIfAbsent(name + tags, key -> {
            AtomicLong created = new AtomicLong();
            FunctionCounter.builder(name, created, AtomicLong::doubleValue).description(description).tags(tags)
                    .register(registry);
            return created;
        });
        holder.set(value);
    }

    @Override
    public void close() {
        for (MultiGauge gauge : List.of(inFlight, latency, workerCpu, workerMemory, workerThreads, workerUptime,
                workerRestarts, groupWorkers)) {
            gauge.register(List.of(), true);
        }
    }
}
