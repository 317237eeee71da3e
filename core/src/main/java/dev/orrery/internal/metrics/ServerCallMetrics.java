package dev.orrery.internal.metrics;

import dev.orrery.metrics.CallMetrics;
import dev.orrery.metrics.MethodMetrics;
import dev.orrery.metrics.MetricsSnapshot;
import dev.orrery.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The calls a node serves, per service and method: the recorders its exported services hold, and the registries
 * their meters are bound to. Services join as they are exported.
 */
public final class ServerCallMetrics implements CallMetrics {
    private final String node;
    private final boolean enabled;
    private final LongSupplier clock;
    private final List<ServiceRecorder> services = new CopyOnWriteArrayList<>();
    /** The meters registered with each bound registry; guarded by this. */
    private final Map<MeterRegistry, List<Meter>> bound = new IdentityHashMap<>();
    /** When the previous snapshot was taken; guarded by this. */
    private long lastSnapshotNanos;
    /** Guarded by this. */
    private boolean closed;

    /**
     * @param node    the node's name
     * @param enabled whether calls are recorded
     * @param clock   the time in nanoseconds
     */
    public ServerCallMetrics(String node, boolean enabled, LongSupplier clock) {
        this.node = node;
        this.enabled = enabled;
        this.clock = clock;
        this.lastSnapshotNanos = clock.getAsLong();
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    /**
     * Recorders for a service about to be exported; they count once {@link #add} says it was.
     *
     * @param service          the service's name
     * @param concurrencyLimit handlers that may run at once
     * @param methodNames      its methods' names, by their index in its descriptor
     * @return the recorders, or {@code null} when metrics are off
     */
    public ServiceRecorder recorder(String service, int concurrencyLimit, List<String> methodNames) {
        return enabled ? new ServiceRecorder(service, concurrencyLimit, methodNames, clock) : null;
    }

    /**
     * Lists an exported service, and registers its meters with the registries bound so far.
     *
     * @param service its recorders
     */
    public synchronized void add(ServiceRecorder service) {
        services.add(Objects.requireNonNull(service, "service"));
        bound.forEach((registry, meters) -> meters.addAll(MicrometerMeters.register(registry, service)));
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (!enabled || closed || bound.containsKey(registry)) {
            return;
        }
        List<Meter> meters = new ArrayList<>();
        for (ServiceRecorder service : services) {
            meters.addAll(MicrometerMeters.register(registry, service));
        }
        bound.put(registry, meters);
    }

    @Override
    public synchronized MetricsSnapshot snapshot() {
        long now = clock.getAsLong();
        long interval = now - lastSnapshotNanos;
        lastSnapshotNanos = now;
        List<ServiceMetrics> serviceMetrics = new ArrayList<>(services.size());
        List<MethodMetrics> methodMetrics = new ArrayList<>();
        for (ServiceRecorder service : services) {
            long inFlight = 0;
            long busyNanos = 0;
            for (MethodRecorder method : service.methods()) {
                MethodMetrics figures = method.snapshot();
                inFlight += figures.inFlight();
                busyNanos += figures.busyNanos();
                methodMetrics.add(figures);
            }
            serviceMetrics.add(new ServiceMetrics(service.service(), service.concurrencyLimit(), inFlight,
                    busyNanos));
        }
        return new MetricsSnapshot(node, System.currentTimeMillis(), interval, serviceMetrics, methodMetrics);
    }

    /** Removes the meters from every registry they were bound to; nothing is bound after. */
    public synchronized void close() {
        closed = true;
        bound.forEach((registry, meters) -> meters.forEach(registry::remove));
        bound.clear();
    }
}
