package dev.orrery.internal.pubsub;

import dev.orrery.Codec;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.codec.Codecs;
import dev.orrery.internal.wire.Failure;
import dev.orrery.pubsub.MessageHandler;
import dev.orrery.pubsub.SubscribeOptions;
import dev.orrery.pubsub.SubscriptionInfo;
import dev.orrery.pubsub.TopicPattern;
import dev.orrery.pubsub.TopicSubscription;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription of this node: receives the flows publishers attach to it and runs its handler on each
 * message, one at a time, in arrival order (which keeps each publisher's order).
 *
 * @param <T> the type of the values
 */
final class LocalSubscription<T> implements TopicSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSubscription.class);

    private final TopicsRuntime runtime;
    private final String id;
    private final TopicPattern pattern;
    private final Class<T> type;
    private final MessageHandler<T> handler;
    private final SubscribeOptions options;
    private final Executor threads;
    private final Set<InboundFlow> flows = ConcurrentHashMap.newKeySet();
    /** Messages, and notices of flows cut off, waiting for the handler. */
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private volatile boolean closed;

    LocalSubscription(TopicsRuntime runtime, String id, TopicPattern pattern, Class<T> type, MessageHandler<T> handler,
                      SubscribeOptions options, Executor threads) {
        this.runtime = runtime;
        this.id = id;
        this.pattern = pattern;
        this.type = type;
        this.handler = handler;
        this.options = options;
        this.threads = threads;
    }

    /**
     * A publisher attaches a flow.
     *
     * @param attach what it said
     * @param acks   where releases go
     * @return the flow, or {@code null} when this subscription does not take it
     */
    InboundFlow attach(TopicWire.Attach attach, AckSink acks) {
        int window = options.window(attach.delivery());
        if (closed || !pattern.matches(attach.topic()) || attach.window() > window) {
            return null;
        }
        InboundFlow flow = new InboundFlow(this, acks, attach, window);
        flows.add(flow);
        if (closed) {
            flows.remove(flow);
            return null;
        }
        return flow;
    }

    void received(Received<T> message, boolean direct) {
        received.incrementAndGet();
        queue.add(message);
        if (!direct) {
            schedule();
            return;
        }
        // Here, on the transport's thread, unless another thread is running the handler: flows on other
        // connections arrive on other threads, and the handler takes one message at a time. That thread takes
        // this message too.
        while (!queue.isEmpty() && draining.compareAndSet(false, true)) {
            drainQueue(false);
        }
    }

    private void schedule() {
        if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
            threads.execute(this::drain);
        }
    }

    private void drain() {
        drainQueue(true);
        schedule();
    }

    /** Runs the handler on what is queued; the caller set {@code draining}, which this clears. */
    private void drainQueue(boolean flushing) {
        try {
            Object next;
            while ((next = queue.poll()) != null) {
                if (next instanceof Received<?> message) {
                    @SuppressWarnings("unchecked")
                    Received<T> typed = (Received<T>) message;
                    handle(typed);
                } else {
                    ((Runnable) next).run();
                }
            }
        } finally {
            if (flushing) {
                flush();
            }
            draining.set(false);
        }
    }

    private void handle(Received<T> message) {
        if (closed) {
            return;
        }
        try {
            message.value(decode(message));
        } catch (Exception e) {
            message.fail(new OrreryException(Status.INVALID_ARGUMENT, "cannot decode " + message + " as a "
                    + type.getName() + ": " + e.getMessage(), e));
            logFailure(message, e);
            return;
        }
        try {
            handler.onMessage(message);
            if (!options.manualRelease()) {
                message.release();
            }
        } catch (Exception | LinkageError | AssertionError e) {
            message.fail(e);
            logFailure(message, e);
        }
    }

    private void logFailure(Received<T> message, Throwable e) {
        if (failureLogged.compareAndSet(false, true)) {
            LOG.warn("subscription {} ({}): handling {} failed; further failures are counted and logged at debug",
                    id, pattern, message, e);
        } else {
            LOG.debug("subscription {} ({}): handling {} failed", id, pattern, message, e);
        }
    }

    @SuppressWarnings("unchecked")
    private T decode(Received<T> message) throws java.io.IOException {
        if (message.codec == Codec.RAW) {
            if (type != byte[].class && type != Object.class) {
                throw new IllegalArgumentException("its value is raw bytes, which only a byte[] subscription takes");
            }
            return (T) Arrays.copyOfRange(message.bytes, message.offset, message.offset + message.length);
        }
        return Codecs.mapper(message.codec).readValue(message.bytes, message.offset, message.length, type);
    }

    /** Sends the releases each flow has gathered. */
    void flush() {
        for (InboundFlow flow : flows) {
            flow.flush();
        }
    }

    void flowEnded(InboundFlow flow, Failure why) {
        if (!flows.remove(flow) || closed || why.status() == Status.OK) {
            return;
        }
        String publisher = flow.attach().publisher();
        queue.add((Runnable) () -> {
            try {
                handler.disconnected(publisher, why.toException());
            } catch (RuntimeException e) {
                LOG.warn("subscription {}: its handler's disconnected() threw", id, e);
            }
        });
        schedule();
    }

    void dropped(long count) {
        dropped.addAndGet(count);
    }

    void failed() {
        failed.incrementAndGet();
    }

    SubscribeOptions options() {
        return options;
    }

    TopicPattern topicPattern() {
        return pattern;
    }

    @Override
    public String pattern() {
        return pattern.text();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SubscriptionInfo info() {
        return new SubscriptionInfo(pattern.text(), id, options.group(), options.policy(), received.get(),
                dropped.get(), failed.get(), flows.size());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Failure why = Failure.of(Status.OK, "the subscription closed");
        for (InboundFlow flow : flows) {
            flow.close(why);
        }
        flows.clear();
        queue.clear();
        runtime.removed(this);
    }

    @Override
    public String toString() {
        return "subscription " + id + " to " + pattern;
    }
}
