package dev.orrery.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every open event stream: once a tick, from its one thread, it hands each stream's feed the shared snapshot,
 * sends keep-alive comments to idle streams, and cuts off peers that stayed behind too long. A stream ends when its
 * connection closes, for whatever reason; its feed is then closed, which releases what fed it.
 */
final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    /** How long a browser waits before it reconnects a broken stream. */
    private static final long RETRY_MILLIS = 2_000;

    private final ConsoleLimits limits;
    private final Supplier<String> services;
    private final MeterRegistry registry;
    private final Map<SseStream, Feed> feeds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread;
    private final Counter droppedEvents;
    private final Gauge openStreams;
    private volatile boolean closed;
    /** Whether the last update failed; owned by the hub's thread. */
    private boolean failing;

    /**
     * Starts the hub's thread.
     *
     * @param limits   the tick, keep-alive period and slow-client timeout
     * @param services takes the snapshot of every group as JSON text
     * @param registry where the hub's own meters go
     */
    EventHub(ConsoleLimits limits, Supplier<String> services, MeterRegistry registry) {
        this.limits = limits;
        this.services = services;
        this.registry = registry;
        this.droppedEvents = Counter.builder("orrery.console.events.dropped")
                .description("events not sent to console pages that read too slowly").register(registry);
        this.openStreams = Gauge.builder("orrery.console.event.streams", feeds, Map::size)
                .description("open event streams of console pages").register(registry);
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread hub = new Thread(task, "orrery-console-events");
            hub.setDaemon(true);
            return hub;
        });
        long period = limits.tick().toNanos();
        thread.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    }

    /**
     * Opens a stream on a connection whose response head was written, and starts its feed.
     *
     * @param channel the connection
     * @param feed    makes the stream's feed
     */
    void open(Channel channel, Function<SseStream, Feed> feed) {
        SseStream stream = new SseStream(channel, droppedEvents);
        stream.retry(RETRY_MILLIS);
        Feed started;
        try {
            started = feed.apply(stream);
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        feeds.put(stream, started);
        channel.closeFuture().addListener(done -> end(stream));
        if (closed) {
            end(stream);
            return;
        }
        // Each feed is only ever ticked by the hub's thread; the first tick comes at once, not a period later.
        try {
            thread.execute(() -> {
                if (feeds.get(stream) == started) {
                    tickOne(stream, started, new Tick(services));
                }
            });
        } catch (RejectedExecutionException e) {
            end(stream);
        }
    }

    /**
     * Whether as many streams are open as the limits allow.
     *
     * @return true when another stream must be refused
     */
    boolean full() {
        return feeds.size() >= limits.maxEventStreams();
    }

    /** Owned by the hub's thread. */
    private void tick() {
        Tick tick = new Tick(services);
        long now = System.nanoTime();
        for (Map.Entry<SseStream, Feed> entry : feeds.entrySet()) {
            SseStream stream = entry.getKey();
            if (!stream.isOpen()) {
                end(stream);
            } else if (stream.blockedNanos(now) > limits.slowClientTimeout().toNanos()) {
                LOG.info("closing the console event stream to {}: it read nothing for {} s",
                        stream.channel().remoteAddress(), limits.slowClientTimeout().toSeconds());
                stream.channel().close();
            } else {
                tickOne(stream, entry.getValue(), tick);
                if (stream.idleNanos(now) > limits.keepAlive().toNanos()) {
                    stream.comment("keep-alive");
                }
            }
        }
    }

    /** Owned by the hub's thread. */
    private void tickOne(SseStream stream, Feed feed, Tick tick) {
        try {
            feed.tick(tick);
            if (failing) {
                failing = false;
                LOG.info("the console's live streams are updated again");
            }
        } catch (RuntimeException e) {
            // Once a second per stream would flood the log while the supervisor cannot answer: say it once.
            if (!failing) {
                failing = true;
                LOG.warn("the console's live streams cannot be updated; they are retried every tick", e);
            } else {
                LOG.debug("a console event stream to {} failed to update", stream.channel().remoteAddress(), e);
            }
        }
    }

    private ChannelFuture end(SseStream stream) {
        Feed feed = feeds.remove(stream);
        if (feed != null) {
            try {
                feed.close();
            } catch (RuntimeException e) {
                LOG.warn("a console event stream's feed failed to close", e);
            }
        }
        return stream.close();
    }

    /** Ends every stream and stops the hub's thread. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        List<ChannelFuture> ending = new ArrayList<>();
        for (SseStream stream : feeds.keySet()) {
            ending.add(end(stream));
        }
        // The end marker of each stream goes out before the server closes whatever connections remain.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (ChannelFuture ended : ending) {
            ended.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("the console's event thread did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.remove(openStreams);
        registry.remove(droppedEvents);
    }
}
