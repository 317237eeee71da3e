package dev.orrery.internal.registry;

import dev.orrery.OrreryException;
import dev.orrery.Sink;
import dev.orrery.Status;
import dev.orrery.Subscription;
import dev.orrery.registry.Instance;
import dev.orrery.registry.NameServer;
import dev.orrery.registry.RegistryEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live instances of one service, as this node knows them: filled and kept current by a watch on the
 * name server, and kept when the name server cannot be reached. After the watch is re-established, instances
 * the new snapshot lacks are kept for one lease, since a restarted name server learns of them only when they
 * renew; an instance registering again from the same endpoints replaces its old entry at once.
 *
 * <p>Events arrive one at a time on the stream's delivery thread; readers see an immutable list.
 */
public final class ServiceView implements Sink<RegistryEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceView.class);

    private final String service;
    private final NameServer nameServer;
    private final ScheduledExecutorService scheduler;
    private final Executor threads;
    private final LongSupplier millis;
    private final CompletableFuture<Void> firstSnapshot = new CompletableFuture<>();
    private final Map<String, Instance> live = new LinkedHashMap<>();
    /** Instances missing from the latest snapshot, by id, with the time they may be dropped. */
    private final Map<String, Long> stale = new LinkedHashMap<>();
    private Map<String, Instance> snapshot;
    private volatile List<Instance> instances = List.of();
    private volatile Subscription watch;
    private volatile boolean closed;
    private long backoffMillis;
    /** Told after each change to the list, on the watch's delivery thread. */
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    ServiceView(String service, NameServer nameServer, ScheduledExecutorService scheduler, Executor threads,
                LongSupplier millis) {
        this.service = service;
        this.nameServer = nameServer;
        this.scheduler = scheduler;
        this.threads = threads;
        this.millis = millis;
    }

    /** Opens the watch, on a virtual thread. */
    void start() {
        threads.execute(this::watch);
    }

    private void watch() {
        if (closed) {
            return;
        }
        synchronized (this) {
            snapshot = new LinkedHashMap<>();
        }
        try {
            watch = nameServer.watch(service, this);
            backoffMillis = 0;
        } catch (OrreryException e) {
            retry(e);
        }
    }

    private void retry(OrreryException cause) {
        if (closed) {
            return;
        }
        backoffMillis = backoffMillis == 0 ? 100 : Math.min(2_000, backoffMillis * 2);
        LOG.debug("watch of {} failed ({}); again in {} ms, keeping {} known instances", service,
                cause.getMessage(), backoffMillis, instances.size());
        scheduler.schedule(() -> threads.execute(this::watch), backoffMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void next(RegistryEvent event) {
        Instance instance = event.instance();
        switch (event.kind()) {
            case REGISTERED, UPDATED -> {
                if (snapshot != null) {
                    snapshot.put(instance.id(), instance);
                    return;
                }
                replacePredecessors(instance);
                live.put(instance.id(), instance);
            }
            case DEREGISTERED, EXPIRED -> {
                live.remove(instance.id());
                stale.remove(instance.id());
            }
            case CURRENT -> adoptSnapshot();
        }
        publish();
        if (event.kind() == RegistryEvent.Kind.CURRENT) {
            // Only now: a caller waiting for the first snapshot must find the list already published.
            firstSnapshot.complete(null);
        }
    }

    private void adoptSnapshot() {
        long keepUntil = millis.getAsLong();
        for (Instance known : live.values()) {
            if (!snapshot.containsKey(known.id())) {
                stale.putIfAbsent(known.id(), keepUntil + known.ttlMillis());
            }
        }
        stale.keySet().removeIf(snapshot::containsKey);
        Map<String, Instance> previous = new LinkedHashMap<>(live);
        live.clear();
        live.putAll(snapshot);
        for (String id : stale.keySet()) {
            Instance kept = previous.get(id);
            if (kept != null) {
                live.putIfAbsent(id, kept);
            }
        }
        for (Instance fresh : snapshot.values()) {
            replacePredecessors(fresh);
        }
        snapshot = null;
    }

    /** An instance that registered again (new id) from the endpoints of a stale one replaces it. */
    private void replacePredecessors(Instance fresh) {
        Set<String> endpoints = new HashSet<>(fresh.endpoints());
        stale.keySet().removeIf(id -> {
            Instance old = live.get(id);
            boolean replaced = old != null && !old.id().equals(fresh.id())
                    && old.endpoints().stream().anyMatch(endpoints::contains);
            if (replaced) {
                live.remove(id);
            }
            return replaced || old == null;
        });
    }

    private void publish() {
        long now = millis.getAsLong();
        stale.entrySet().removeIf(entry -> {
            boolean expired = entry.getValue() <= now;
            if (expired) {
                live.remove(entry.getKey());
            }
            return expired;
        });
        instances = List.copyOf(new ArrayList<>(live.values()));
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    /**
     * Runs an action after every change to the instances, on the watch's delivery thread; it must not block.
     *
     * @param listener the action
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** @return the instances known now, possibly none before the first snapshot */
    public List<Instance> current() {
        return instances;
    }

    @Override
    public void completed() {
        retry(new OrreryException(Status.UNAVAILABLE, "the name server ended the watch"));
    }

    @Override
    public void failed(OrreryException failure) {
        retry(failure);
    }

    /**
     * The instances, waiting for the first snapshot when there is none yet.
     *
     * @param deadlineNanos how long the caller waits, in {@link System#nanoTime()} units
     * @return the instances, possibly empty
     */
    public List<Instance> instances(long deadlineNanos) {
        if (!firstSnapshot.isDone()) {
            try {
                firstSnapshot.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new OrreryException(Status.UNAVAILABLE, "the name server has not answered for " + service
                        + " yet, and no instance of it is known");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrreryException(Status.CANCELLED, "interrupted while locating " + service);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new OrreryException(Status.INTERNAL, "locating " + service + " failed", e.getCause());
            }
        }
        return instances;
    }

    /** @return whether the first snapshot has arrived */
    public boolean ready() {
        return firstSnapshot.isDone();
    }

    /** @return the service name */
    String service() {
        return service;
    }

    /** Stops watching. */
    void close() {
        closed = true;
        Subscription current = watch;
        if (current != null) {
            current.close();
        }
    }
}
