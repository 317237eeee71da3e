package dev.orrery.nameserver;

import dev.orrery.OrreryException;
import dev.orrery.Sink;
import dev.orrery.Status;
import dev.orrery.Subscription;
import dev.orrery.registry.Glob;
import dev.orrery.registry.Instance;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.Lease;
import dev.orrery.registry.NameServer;
import dev.orrery.registry.NameServerStats;
import dev.orrery.registry.Names;
import dev.orrery.registry.Registration;
import dev.orrery.registry.RegistryEvent;
import dev.orrery.registry.ServiceSummary;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's state and rules: registered instances in memory, their leases, and the watches that are
 * told of every change. Serve it from a node as {@link NameServer}, or use {@link EmbeddedNameServer}.
 *
 * <p>Thread-safe: one lock guards everything, since every operation is a few map look-ups. Each change
 * (register, update, deregister, expiry) increments the revision; a renewal is not a change that watchers
 * see, so it leaves the revision alone. A sweeper thread expires leases that ran out; every operation also
 * expires them first, so no answer ever includes an instance whose lease has run out.
 */
public final class NameServerService implements NameServer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NameServerService.class);
    private static final long SWEEP_INTERVAL_MILLIS = 100;
    private static final String VERSION = Objects.requireNonNullElse(
            NameServerService.class.getPackage().getImplementationVersion(), "dev");

    private final Object lock = new Object();
    private final InstantSource clock;
    private final long startedAt;
    private final Ids ids = new Ids();
    private final InstanceTable table = new InstanceTable(lock);
    private final Watchers watchers = new Watchers(lock);
    /** Expires leases in the background; {@code null} when tests call {@link #expireDue()} themselves. */
    private final ScheduledExecutorService sweeper;
    /** Guarded by {@link #lock}. */
    private long revision;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    /** A name server on the system clock. */
    public NameServerService() {
        this(InstantSource.system());
    }

    /**
     * A name server whose leases follow a clock, such as a manual one in tests.
     *
     * @param clock the time of registrations, renewals and expiries
     */
    public NameServerService(InstantSource clock) {
        this(clock, true);
    }

    NameServerService(InstantSource clock, boolean sweep) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.millis();
        this.sweeper = sweep ? Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("orrery-nameserver-sweeper").daemon().factory()) : null;
        if (sweeper != null) {
            sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public Registration register(InstanceSpec spec) {
        InstanceSpec checked = SpecRules.check(spec);
        String token = ids.ownerToken();
        synchronized (lock) {
            long now = openAt();
            Instance instance = new Instance(ids.instanceId(), checked.service(), checked.endpoints(),
                    checked.metadata(), checked.ttlMillis(), now, now);
            table.put(new Entry(instance, token.getBytes(StandardCharsets.UTF_8)));
            publish(RegistryEvent.Kind.REGISTERED, instance);
            return new Registration(instance.id(), token, instance.ttlMillis());
        }
    }

    @Override
    public Lease renew(String instanceId, String ownerToken) {
        checkIdAndToken(instanceId, ownerToken);
        synchronized (lock) {
            long now = openAt();
            Entry entry = owned(instanceId, ownerToken);
            table.put(entry.renewed(now));
            return new Lease(instanceId, entry.instance().ttlMillis());
        }
    }

    @Override
    public Instance update(String instanceId, String ownerToken, Map<String, String> metadata) {
        checkIdAndToken(instanceId, ownerToken);
        Map<String, String> checked = SpecRules.checkMetadata(metadata);
        synchronized (lock) {
            openAt();
            Entry entry = owned(instanceId, ownerToken);
            if (entry.instance().metadata().equals(checked)) {
                // A retried update changes nothing, and watchers hear nothing.
                return entry.instance();
            }
            Entry updated = entry.withMetadata(checked);
            table.put(updated);
            publish(RegistryEvent.Kind.UPDATED, updated.instance());
            return updated.instance();
        }
    }

    @Override
    public boolean deregister(String instanceId, String ownerToken) {
        checkIdAndToken(instanceId, ownerToken);
        synchronized (lock) {
            openAt();
            Entry entry = table.get(instanceId);
            if (entry == null) {
                return false;
            }
            checkOwner(entry, ownerToken);
            table.remove(entry);
            publish(RegistryEvent.Kind.DEREGISTERED, entry.instance());
            return true;
        }
    }

    @Override
    public List<Instance> locate(String service, Map<String, String> filter) {
        Names.checkServiceName(service);
        Map<String, String> wanted = SpecRules.checkFilter(filter);
        List<Instance> instances;
        synchronized (lock) {
            openAt();
            instances = table.instancesOf(service);
        }
        // The list is immutable: filtering it needs no lock.
        if (wanted.isEmpty()) {
            return instances;
        }
        return instances.stream().filter(i -> i.metadata().entrySet().containsAll(wanted.entrySet())).toList();
    }

    @Override
    public List<ServiceSummary> list(String glob) {
        Glob pattern = Glob.of(glob);
        synchronized (lock) {
            openAt();
            return table.summaries(pattern);
        }
    }

    @Override
    public Subscription watch(String glob, Sink<RegistryEvent> events) {
        Glob pattern = Glob.of(glob);
        if (events == null) {
            throw SpecRules.invalid("watch needs a sink to receive the events");
        }
        synchronized (lock) {
            openAt();
            Watchers.Watch watch = watchers.open(pattern, events, table.instancesMatching(pattern), revision);
            if (watch == null) {
                return () -> { };
            }
            return () -> {
                synchronized (lock) {
                    watchers.close(watch);
                }
            };
        }
    }

    @Override
    public NameServerStats stat() {
        synchronized (lock) {
            long now = openAt();
            return new NameServerStats(VERSION, Math.max(0, now - startedAt), table.services(), table.instances(),
                    watchers.size(), revision);
        }
    }

    /** Expires every lease that has run out by the clock's time; the sweeper calls it, and tests do. */
    void expireDue() {
        synchronized (lock) {
            if (!closed) {
                expire(clock.millis());
            }
        }
    }

    /** Stops the sweeper and ends every watch's stream normally. Calling it again does nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            watchers.completeAll();
        }
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    private void sweep() {
        try {
            expireDue();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; log and keep sweeping.
            LOG.error("The name server failed to expire leases; it tries again in {} ms", SWEEP_INTERVAL_MILLIS, e);
        }
    }

    /** Under the lock: refuses calls after close, expires what ran out, and says what time it is. */
    private long openAt() {
        if (closed) {
            throw new OrreryException(Status.UNAVAILABLE, "the name server is shutting down; try another or retry");
        }
        long now = clock.millis();
        expire(now);
        return now;
    }

    private void expire(long now) {
        for (Entry entry : table.removeExpired(now)) {
            publish(RegistryEvent.Kind.EXPIRED, entry.instance());
        }
    }

    private void publish(RegistryEvent.Kind kind, Instance instance) {
        revision++;
        watchers.publish(new RegistryEvent(kind, instance, revision));
    }

    private Entry owned(String instanceId, String ownerToken) {
        Entry entry = table.get(instanceId);
        if (entry == null) {
            throw new OrreryException(Status.NOT_FOUND, "instance " + instanceId + " is not registered: its lease ran"
                    + " out or the name server restarted; register it again");
        }
        checkOwner(entry, ownerToken);
        return entry;
    }

    private static void checkOwner(Entry entry, String ownerToken) {
        if (!entry.ownedBy(ownerToken)) {
            throw new OrreryException(Status.PERMISSION_DENIED, "instance " + entry.id() + " belongs to another "
                    + "owner; only the token its registration returned may renew, update or deregister it");
        }
    }

    private static void checkIdAndToken(String instanceId, String ownerToken) {
        SpecRules.required(instanceId, "instanceId");
        SpecRules.required(ownerToken, "ownerToken");
    }
}
