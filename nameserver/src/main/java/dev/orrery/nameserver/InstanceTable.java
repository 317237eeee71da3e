package dev.orrery.nameserver;

import dev.orrery.registry.Glob;
import dev.orrery.registry.Instance;
import dev.orrery.registry.ServiceSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The registered instances, by id and by service. Not thread-safe: every method runs under the lock of the
 * {@link NameServerService} that owns it, which the assertions check.
 */
final class InstanceTable {
    private final Object lock;
    private final Map<String, Entry> byId = new HashMap<>();
    /** Per service, in order of registration: a renewal replaces an entry in place and keeps its position. */
    private final NavigableMap<String, Map<String, Entry>> byService = new TreeMap<>();
    /**
     * Per service, what {@link #instancesOf} returned, until the service's entries change: lookups far outnumber
     * changes, and an immutable list needs no copy to leave the lock.
     */
    private final Map<String, List<Instance>> listed = new HashMap<>();
    /**
     * No lease runs out before this moment. A renewal leaves it too early rather than searching for the new
     * earliest; the next sweep after it finds nothing to expire and corrects it.
     */
    private long nextExpiry = Long.MAX_VALUE;

    InstanceTable(Object lock) {
        this.lock = lock;
    }

    Entry get(String id) {
        assert Thread.holdsLock(lock);
        return byId.get(id);
    }

    /** Adds an entry, or replaces the one with its id. */
    void put(Entry entry) {
        assert Thread.holdsLock(lock);
        byId.put(entry.id(), entry);
        byService.computeIfAbsent(entry.instance().service(), s -> new LinkedHashMap<>()).put(entry.id(), entry);
        listed.remove(entry.instance().service());
        nextExpiry = Math.min(nextExpiry, entry.expiresAt());
    }

    void remove(Entry entry) {
        assert Thread.holdsLock(lock);
        byId.remove(entry.id());
        String service = entry.instance().service();
        Map<String, Entry> instances = byService.get(service);
        instances.remove(entry.id());
        listed.remove(service);
        if (instances.isEmpty()) {
            byService.remove(service);
        }
    }

    /**
     * Removes the entries whose leases have run out.
     *
     * @param now the time
     * @return the removed entries, the earliest to run out first
     */
    List<Entry> removeExpired(long now) {
        assert Thread.holdsLock(lock);
        if (now < nextExpiry) {
            return List.of();
        }
        List<Entry> expired = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        for (Iterator<Entry> it = byId.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (now >= entry.expiresAt()) {
                expired.add(entry);
            } else {
                earliest = Math.min(earliest, entry.expiresAt());
            }
        }
        nextExpiry = earliest;
        expired.sort(Comparator.comparingLong(Entry::expiresAt));
        expired.forEach(this::remove);
        return expired;
    }

    /** @return the instances of one service, oldest registration first, as an immutable list */
    List<Instance> instancesOf(String service) {
        assert Thread.holdsLock(lock);
        List<Instance> instances = listed.get(service);
        if (instances == null) {
            Map<String, Entry> entries = byService.get(service);
            if (entries == null) {
                return List.of();
            }
            instances = entries.values().stream().map(Entry::instance).toList();
            listed.put(service, instances);
        }
        return instances;
    }

    /** @return the instances of the services that match, by service name, then oldest first */
    List<Instance> instancesMatching(Glob glob) {
        assert Thread.holdsLock(lock);
        List<Instance> matching = new ArrayList<>();
        byService.forEach((service, instances) -> {
            if (glob.matches(service)) {
                instances.values().forEach(entry -> matching.add(entry.instance()));
            }
        });
        return matching;
    }

    /** @return the services that match, by name, with their instance counts */
    List<ServiceSummary> summaries(Glob glob) {
        assert Thread.holdsLock(lock);
        List<ServiceSummary> summaries = new ArrayList<>();
        byService.forEach((service, instances) -> {
            if (glob.matches(service)) {
                summaries.add(new ServiceSummary(service, instances.size()));
            }
        });
        return summaries;
    }

    /** @return services with at least one instance */
    int services() {
        assert Thread.holdsLock(lock);
        return byService.size();
    }

    /** @return live instances */
    int instances() {
        assert Thread.holdsLock(lock);
        return byId.size();
    }
}
