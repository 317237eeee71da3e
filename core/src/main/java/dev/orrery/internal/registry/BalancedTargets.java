package dev.orrery.internal.registry;

import dev.orrery.Balancer;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.channel.Connector;
import dev.orrery.internal.rpc.Targets;
import dev.orrery.registry.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The instances of a located service as call targets: spreads calls over them, skips those known to be
 * unreachable, and never picks one twice for the same call.
 */
final class BalancedTargets implements Targets {
    private final ServiceView view;
    private final Balancer balancer;
    private final Function<Instance, Connector> connectors;
    private final AtomicInteger next = new AtomicInteger();
    private volatile Resolved cache;

    BalancedTargets(ServiceView view, Balancer balancer, Function<Instance, Connector> connectors) {
        this.view = view;
        this.balancer = balancer;
        this.connectors = connectors;
    }

    @Override
    public boolean known() {
        return view.ready();
    }

    @Override
    public Connector pick(Set<Connector> tried, long deadlineNanos) {
        List<Connector> candidates = resolved(view.instances(deadlineNanos));
        if (candidates.isEmpty()) {
            throw new OrreryException(Status.UNAVAILABLE, "no instance of " + view.service()
                    + " is registered with the name server");
        }
        int size = candidates.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        Connector best = null;
        Connector fallback = null;
        // No allocation per call: one pass from a rotating start; reachable instances first, and when every
        // one looks unreachable, any untried one, since one may have come back.
        for (int i = 0; i < size; i++) {
            Connector candidate = candidates.get((start + i) % size);
            if (tried.contains(candidate)) {
                continue;
            }
            if (fallback == null) {
                fallback = candidate;
            }
            if (!candidate.available()) {
                continue;
            }
            if (balancer == Balancer.ROUND_ROBIN) {
                return candidate;
            }
            if (best == null || candidate.outstanding() < best.outstanding()) {
                best = candidate;
            }
        }
        return best != null ? best : fallback;
    }

    /** The connectors of a view's instances, resolved once each time the view changes, not per call. */
    private List<Connector> resolved(List<Instance> instances) {
        Resolved current = cache;
        if (current != null && current.instances == instances) {
            return current.connectors;
        }
        List<Connector> connectorsNow = new ArrayList<>(instances.size());
        for (Instance instance : instances) {
            Connector connector = connectors.apply(instance);
            if (connector != null) {
                connectorsNow.add(connector);
            }
        }
        cache = new Resolved(instances, List.copyOf(connectorsNow));
        return cache.connectors;
    }

    /** A view's instance list and the connectors it resolved to. */
    private record Resolved(List<Instance> instances, List<Connector> connectors) {
    }

    @Override
    public String toString() {
        return view.service() + " via the name server";
    }
}
