package dev.orrery.internal.registry;

import dev.orrery.Balancer;
import dev.orrery.Endpoint;
import dev.orrery.internal.channel.Connector;
import dev.orrery.internal.rpc.Targets;
import dev.orrery.registry.NameServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Finds services through the name server: one watched {@link ServiceView} per service name, shared by every
 * proxy this node makes for it.
 */
public final class Locator {
    private final NameServer nameServer;
    private final ScheduledExecutorService scheduler;
    private final Executor threads;
    private final EndpointChoice choice;
    private final Function<Endpoint, Connector> connectors;
    private final Map<String, ServiceView> views = new ConcurrentHashMap<>();

    /**
     * A locator.
     *
     * @param nameServer a proxy for the name server
     * @param scheduler  the node's timer
     * @param threads    where name-server calls and watch events run
     * @param schemes    the endpoint schemes this node can call
     * @param connectors the node's connector for an endpoint
     */
    public Locator(NameServer nameServer, ScheduledExecutorService scheduler, Executor threads, EndpointChoice choice,
                   Function<Endpoint, Connector> connectors) {
        this.nameServer = nameServer;
        this.scheduler = scheduler;
        this.threads = threads;
        this.choice = choice;
        this.connectors = connectors;
    }

    /**
     * Call targets for a service, watched from now on.
     *
     * @param service  the service name
     * @param balancer how calls are spread
     * @return the targets
     */
    public Targets targets(String service, Balancer balancer) {
        ServiceView view = view(service);
        return new BalancedTargets(view, balancer, instance -> {
            Endpoint endpoint = choice.choose(instance);
            return endpoint == null ? null : connectors.apply(endpoint);
        });
    }

    /**
     * The instances of a service, watched from now on.
     *
     * @param service the service name
     * @return the view, shared by every user of the service on this node
     */
    public ServiceView view(String service) {
        return views.computeIfAbsent(service, name -> {
            ServiceView fresh = new ServiceView(name, nameServer, scheduler, threads, System::currentTimeMillis);
            fresh.start();
            return fresh;
        });
    }

    /** Stops every watch. */
    public void close() {
        views.values().forEach(ServiceView::close);
        views.clear();
    }
}
