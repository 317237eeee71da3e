package dev.orrery.internal.registry;

import dev.orrery.Balancer;
import dev.orrery.Endpoint;
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

    BalancedTargets(ServiceView view, Balancer balancer, Function<Instance, Connector> connectors) {
        this.view = view;
        this.balancer = balancer;
        this.connectors = connectors;
    }

    @Override
    public Connector pick(Set<Connector> tried, long deadlineNanos) {
        List<Instance> instances = view.instances(deadlineNanos);
        if (instances.isEmpty()) {
            throw new OrreryException(Status.UNAVAILABLE, "no instance of " + view.service()
                    + " is registered with the name server");
        }
        List<Connector> healthy = new ArrayList<>(instances.size());
        List<Connector> untried = new ArrayList<>(instances.size());
        for (Instance instance : instances) {
            Connector connector = connectors.apply(instance);
            if (connector == null || tried.contains(connector)) {
                continue;
            }
            untried.add(connector);
            if (connector.available()) {
                healthy.add(connector);
            }
        }
        // When every instance looks unreachable, try them anyway: one may have come back.
        List<Connector> candidates = healthy.isEmpty() ? untried : healthy;
        if (candidates.isEmpty()) {
            return null;
        }
        int start = Math.floorMod(next.getAndIncrement(), candidates.size());
        if (balancer == Balancer.ROUND_ROBIN) {
            return candidates.get(start);
        }
        Connector best = candidates.get(start);
        for (int i = 1; i < candidates.size(); i++) {
            Connector candidate = candidates.get((start + i) % candidates.size());
            if (candidate.outstanding() < best.outstanding()) {
                best = candidate;
            }
        }
        return best;
    }

    /**
     * The endpoint of an instance this node can use: the first whose scheme it has a transport for.
     *
     * @param instance the instance
     * @param schemes  the schemes this node's transports serve
     * @return the endpoint, or {@code null}
     */
    static Endpoint usableEndpoint(Instance instance, Set<String> schemes) {
        for (String text : instance.endpoints()) {
            try {
                Endpoint endpoint = Endpoint.parse(text);
                if (schemes.contains(endpoint.scheme())) {
                    return endpoint;
                }
            } catch (IllegalArgumentException e) {
                // An endpoint this version cannot read is one it cannot use; another may do.
                continue;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return view.service() + " via the name server";
    }
}
