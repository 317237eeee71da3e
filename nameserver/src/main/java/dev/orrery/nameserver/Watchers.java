package dev.orrery.nameserver;

import dev.orrery.Sink;
import dev.orrery.registry.Glob;
import dev.orrery.registry.Instance;
import dev.orrery.registry.RegistryEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open watches. Not thread-safe: every method runs under the lock of the {@link NameServerService} that
 * owns it, which the assertions check. Sinks are called under that lock, which keeps every watcher's events in
 * revision order; that is safe because a server-side sink never blocks.
 */
final class Watchers {
    private static final Logger LOG = LoggerFactory.getLogger(Watchers.class);

    private final Object lock;
    private final List<Watch> watches = new ArrayList<>();

    Watchers(Object lock) {
        this.lock = lock;
    }

    /** One open watch; compared by identity, so that closing one never closes another. */
    static final class Watch {
        private final Glob glob;
        private final Sink<RegistryEvent> sink;

        Watch(Glob glob, Sink<RegistryEvent> sink) {
            this.glob = glob;
            this.sink = sink;
        }
    }

    /**
     * Opens a watch: sends the current instances and {@link RegistryEvent.Kind#CURRENT}, then keeps the watch.
     *
     * @param glob     the services watched
     * @param sink     where the events go
     * @param current  the instances of those services now
     * @param revision the revision now
     * @return the watch, or {@code null} when its sink failed already
     */
    Watch open(Glob glob, Sink<RegistryEvent> sink, List<Instance> current, long revision) {
        assert Thread.holdsLock(lock);
        Watch watch = new Watch(glob, sink);
        try {
            for (Instance instance : current) {
                sink.next(new RegistryEvent(RegistryEvent.Kind.REGISTERED, instance, revision));
            }
            sink.next(new RegistryEvent(RegistryEvent.Kind.CURRENT, null, revision));
        } catch (RuntimeException e) {
            LOG.warn("A watch of {} failed before it began; it is dropped", glob, e);
            return null;
        }
        watches.add(watch);
        return watch;
    }

    /**
     * Sends an event to every watch of its service, dropping a watch whose sink throws.
     *
     * @param event the change
     */
    void publish(RegistryEvent event) {
        assert Thread.holdsLock(lock);
        String service = event.instance().service();
        for (Iterator<Watch> it = watches.iterator(); it.hasNext(); ) {
            Watch watch = it.next();
            if (!watch.glob.matches(service)) {
                continue;
            }
            try {
                watch.sink.next(event);
            } catch (RuntimeException e) {
                it.remove();
                LOG.warn("A watch of {} failed to take an event; it is dropped", watch.glob, e);
            }
        }
    }

    /**
     * Forgets a watch; forgetting it again does nothing.
     *
     * @param watch the watch
     */
    void close(Watch watch) {
        assert Thread.holdsLock(lock);
        watches.removeIf(each -> each == watch);
    }

    /** Ends every watch's stream normally and forgets them all. */
    void completeAll() {
        assert Thread.holdsLock(lock);
        for (Watch watch : watches) {
            try {
                watch.sink.completed();
            } catch (RuntimeException e) {
                LOG.warn("A watch of {} failed to take the end of its stream", watch.glob, e);
            }
        }
        watches.clear();
    }

    /** @return open watches */
    int size() {
        assert Thread.holdsLock(lock);
        return watches.size();
    }
}
