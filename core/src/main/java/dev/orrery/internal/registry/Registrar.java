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
    /** What this node holds, by key: a service's name, or a key its owner chose. */
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();
    /** Removed by {@link #deregister} and not yet deregistered: {@link #close} finishes them. */
    private final ConcurrentHashMap<String, Held> leaving = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> renewals;
    private volatile boolean unreachableLogged;
    private volatile boolean closed;

    /** One registration: what it says, and the name server's answer, {@link #PENDING} until it has one. */
    private static final class Held {
        final String service;
        final Map<String, String> metadata;
        volatile Registration registration = PENDING;

        Held(String service, Map<String, String> metadata) {
            this.service = service;
            this.metadata = metadata;
        }
    }

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
        register(service, service, Map.of());
    }

    /**
     * Registers an instance of a service with metadata of its own besides the node's, under a key of the
     * caller's choosing: one node may hold several instances of one service this way.
     *
     * @param key      what {@link #deregister} takes
     * @param service  the service name
     * @param metadata tags of this instance only
     */
    public void register(String key, String service, Map<String, String> metadata) {
        Map<String, String> all = new LinkedHashMap<>(this.metadata);
        all.putAll(metadata);
        Held entry = new Held(service, Map.copyOf(all));
        if (held.putIfAbsent(key, entry) == null) {
            threads.execute(() -> registerNow(key, entry));
        }
    }

    /**
     * Removes a registration made with {@link #register(String, String, Map)}.
     *
     * @param key its key
     */
    public void deregister(String key) {
        Held entry = held.remove(key);
        if (entry != null) {
            leaving.put(key, entry);
            threads.execute(() -> {
                deregisterNow(key, entry);
                leaving.remove(key, entry);
            });
        }
    }

    private void registerNow(String key, Held entry) {
        if (closed || held.get(key) != entry) {
            return;
        }
        List<String> where = endpoints.get().stream().map(Endpoint::toString).toList();
        try {
            Registration registration = nameServer.register(new InstanceSpec(entry.service, where, entry.metadata,
                    ttlMillis));
            entry.registration = registration;
            unreachableLogged = false;
            LOG.debug("registered {} at {} as {}", entry.service, where, registration.instanceId());
            if (held.get(key) != entry) {
                // Deregistered while the name server was answering.
                deregisterNow(key, entry);
            }
        } catch (OrreryException e) {
            unreachable(entry.service, e);
        }
    }

    private void renewAll() {
        for (Map.Entry<String, Held> each : held.entrySet()) {
            Held entry = each.getValue();
            Registration registration = entry.registration;
            if (registration == PENDING) {
                registerNow(each.getKey(), entry);
                continue;
            }
            try {
                nameServer.renew(registration.instanceId(), registration.ownerToken());
                unreachableLogged = false;
            } catch (OrreryException e) {
                if (e.status() == Status.NOT_FOUND || e.status() == Status.PERMISSION_DENIED) {
                    // The name server restarted, or the lease lapsed: this instance must register afresh.
                    LOG.info("the name server forgot {} ({}); registering it again", entry.service, e.description());
                    registerNow(each.getKey(), entry);
                } else {
                    unreachable(entry.service, e);
                }
            }
        }
    }

    private void deregisterNow(String key, Held entry) {
        Registration registration = entry.registration;
        if (registration == PENDING) {
            return;
        }
        try {
            nameServer.deregister(registration.instanceId(), registration.ownerToken());
        } catch (OrreryException e) {
            LOG.debug("could not deregister {}: {}", key, e.getMessage());
        }
    }

    private void unreachable(String service, OrreryException e) {
        if (!unreachableLogged) {
            unreachableLogged = true;
            LOG.warn("cannot register {} with the name server: {}; retrying every {} ms", service, e.getMessage(),
                    Math.max(100, ttlMillis / 3));
        }
    }

    /** @return the registrations held, by key, for tests and diagnostics */
    public Map<String, Registration> registrations() {
        Map<String, Registration> result = new LinkedHashMap<>();
        held.forEach((key, entry) -> result.put(key, entry.registration));
        return result;
    }

    /** Stops renewing and deregisters every instance, so callers stop choosing this node at once. */
    public void close() {
        closed = true;
        renewals.cancel(false);
        for (Map<String, Held> entries : List.of(held, leaving)) {
            for (Map.Entry<String, Held> each : entries.entrySet()) {
                deregisterNow(each.getKey(), each.getValue());
            }
            entries.clear();
        }
    }
}
