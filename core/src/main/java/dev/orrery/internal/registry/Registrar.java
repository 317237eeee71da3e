package dev.orrery.internal.registry;

import dev.orrery.Endpoint;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.NameServer;
import dev.orrery.registry.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's services registered with the name server: registers each one, renews every lease a
 * third of its TTL before it runs out, registers again when the name server has forgotten an instance
 * (after its restart), and deregisters everything when the node closes.
 *
 * <p>Name-server calls run on virtual threads, never on the timer thread that keep-alives share.
 */
public final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    /** Held for a service while the name server cannot be reached: it is registered at the next renewal. */
    private static final Registration PENDING = new Registration("", "", 0);

    private final NameServer nameServer;
    private final Supplier<List<Endpoint>> endpoints;
    private final Map<String, String> metadata;
    private final long ttlMillis;
    private final Executor threads;
    private final ConcurrentHashMap<String, Registration> held = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> renewals;
    private volatile boolean unreachableLogged;
    private volatile boolean closed;

    /**
     * Starts renewing; services are added with {@link #register}.
     *
     * @param nameServer a proxy for the name server
     * @param endpoints  where this node is reached
     * @param metadata   tags for every instance
     * @param ttlMillis  the lease asked for
     * @param scheduler  the node's timer
     * @param threads    where name-server calls run
     */
    public Registrar(NameServer nameServer, Supplier<List<Endpoint>> endpoints, Map<String, String> metadata,
                     long ttlMillis, ScheduledExecutorService scheduler, Executor threads) {
        this.nameServer = nameServer;
        this.endpoints = endpoints;
        this.metadata = Map.copyOf(metadata);
        this.ttlMillis = ttlMillis;
        this.threads = threads;
        long period = Math.max(100, ttlMillis / 3);
        this.renewals = scheduler.scheduleAtFixedRate(() -> threads.execute(this::renewAll), period, period,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Registers a service now, or at the next renewal when the name server cannot be reached.
     *
     * @param service the service name
     */
    public void register(String service) {
        held.putIfAbsent(service, PENDING);
        threads.execute(() -> registerNow(service));
    }

    private void registerNow(String service) {
        if (closed) {
            return;
        }
        List<String> where = endpoints.get().stream().map(Endpoint::toString).toList();
        try {
            Registration registration = nameServer.register(new InstanceSpec(service, where, metadata, ttlMillis));
            held.put(service, registration);
            unreachableLogged = false;
            LOG.debug("registered {} at {} as {}", service, where, registration.instanceId());
        } catch (OrreryException e) {
            unreachable(service, e);
        }
    }

    private void renewAll() {
        for (Map.Entry<String, Registration> entry : held.entrySet()) {
            Registration registration = entry.getValue();
            if (registration == PENDING) {
                registerNow(entry.getKey());
                continue;
            }
            try {
                nameServer.renew(registration.instanceId(), registration.ownerToken());
                unreachableLogged = false;
            } catch (OrreryException e) {
                if (e.status() == Status.NOT_FOUND || e.status() == Status.PERMISSION_DENIED) {
                    // The name server restarted, or the lease lapsed: this instance must register afresh.
                    LOG.info("the name server forgot {} ({}); registering it again", entry.getKey(), e.description());
                    registerNow(entry.getKey());
                } else {
                    unreachable(entry.getKey(), e);
                }
            }
        }
    }

    private void unreachable(String service, OrreryException e) {
        if (!unreachableLogged) {
            unreachableLogged = true;
            LOG.warn("cannot register {} with the name server: {}; retrying every {} ms", service, e.getMessage(),
                    Math.max(100, ttlMillis / 3));
        }
    }

    /** @return the registrations held, by service, for tests and diagnostics */
    public Map<String, Registration> registrations() {
        return new LinkedHashMap<>(held);
    }

    /** Stops renewing and deregisters every instance, so callers stop choosing this node at once. */
    public void close() {
        closed = true;
        renewals.cancel(false);
        for (Map.Entry<String, Registration> entry : held.entrySet()) {
            Registration registration = entry.getValue();
            if (registration == PENDING) {
                continue;
            }
            try {
                nameServer.deregister(registration.instanceId(), registration.ownerToken());
            } catch (OrreryException e) {
                LOG.debug("could not deregister {}: {}", entry.getKey(), e.getMessage());
            }
        }
        held.clear();
    }
}
