package dev.orrery.internal.pubsub;

import dev.orrery.Codec;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.codec.Codecs;
import dev.orrery.internal.wire.Failure;
import dev.orrery.pubsub.Delivery;
import dev.orrery.pubsub.Publisher;
import dev.orrery.pubsub.PublisherInfo;
import dev.orrery.pubsub.PublisherOptions;
import dev.orrery.pubsub.SlowConsumerPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A publisher: numbers each message, encodes it once, and offers it to one flow per subscription, and to one
 * member of each queue group. One message at a time, so that every subscription sees this publisher's order.
 *
 * @param <T> the type of the values
 */
final class TopicPublisher<T> implements Publisher<T> {
    /** How long a publish spins and yields, at most, for a slot before it waits to be woken. */
    private static final long SPIN_NANOS = 50_000;
    /** Turns of busy spinning before yielding. */
    private static final int SPIN_TURNS = 100;

    private final TopicsRuntime runtime;
    private final String topic;
    private final String id;
    private final Codec codec;
    private final PublisherOptions options;
    private final long deadlineNanos;
    private final ReentrantLock publishing = new ReentrantLock();
    // Guarded by publishing.
    private long sequence;
    // Guarded by this.
    private final Map<String, OutboundFlow> flows = new LinkedHashMap<>();
    private volatile Routes routes = new Routes(new OutboundFlow[0], new Group[0]);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong disconnected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long published;
    private volatile boolean closed;

    /** The flows a message goes to: every subscription without a group, and one member of each group. */
    private record Routes(OutboundFlow[] solo, Group[] groups) {
    }

    /** How long a publish waiting for a slot in a full queue group waits on one member before looking again. */
    private static final long LOOK_AGAIN_NANOS = 1_000_000;

    /** The members of one queue group, taken in turn. */
    private static final class Group {
        final OutboundFlow[] members;
        private int next;

        Group(OutboundFlow[] members) {
            this.members = members;
        }

        /**
         * The next member in turn that has a free slot. When none has and the next current member's policy is
         * BLOCK, waits for any member's slot up to the deadline, so that one stuck member does not hold up the
         * others; otherwise, or then, the next current member in turn, whose policy applies. Under publishing.
         */
        OutboundFlow pick(long deadlineNanos) throws InterruptedException {
            while (true) {
                int fallback = -1;
                for (int i = 0; i < members.length; i++) {
                    int index = (next + i) % members.length;
                    OutboundFlow candidate = members[index];
                    if (candidate.hasSlot()) {
                        next = (index + 1) % members.length;
                        return candidate;
                    }
                    if (fallback < 0 && candidate.isCurrent()) {
                        fallback = index;
                    }
                }
                long left = deadlineNanos - System.nanoTime();
                if (fallback < 0 || left <= 0 || members[fallback].target().policy() != SlowConsumerPolicy.BLOCK) {
                    int chosen = fallback >= 0 ? fallback : next;
                    next = (chosen + 1) % members.length;
                    return members[chosen];
                }
                // Woken by this member's release; the others' are seen when looking again.
                members[fallback].awaitSlot(Math.min(left, LOOK_AGAIN_NANOS));
            }
        }
    }

    TopicPublisher(TopicsRuntime runtime, String topic, Class<T> type, PublisherOptions options, String id) {
        this.runtime = runtime;
        this.topic = topic;
        this.id = id;
        this.codec = type == byte[].class ? Codec.RAW : Codec.MSGPACK;
        this.options = options;
        this.deadlineNanos = (options.deadline() != null ? options.deadline() : runtime.defaultDeadline()).toNanos();
    }

    @Override
    public CompletableFuture<Void> publish(T value) {
        if (closed) {
            return CompletableFuture.failedFuture(new OrreryException(Status.UNAVAILABLE, "the publisher of " + topic
                    + " is closed"));
        }
        byte[] encoded;
        try {
            encoded = encode(value);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(new OrreryException(Status.INVALID_ARGUMENT, "cannot encode a "
                    + (value == null ? "null" : value.getClass().getName()) + " for " + topic + ": " + e.getMessage(),
                    e));
        }
        long deadline = System.nanoTime() + deadlineNanos;
        PublishTracker tracker;
        publishing.lock();
        try {
            long number = ++sequence;
            byte[] payload = TopicWire.message(number, encoded);
            tracker = new PublishTracker(number, this);
            Routes current = routes;
            for (OutboundFlow flow : current.solo) {
                offer(flow, new OutboundFlow.Outgoing(number, payload, tracker), deadline);
            }
            for (Group group : current.groups) {
                offer(group.pick(deadline), new OutboundFlow.Outgoing(number, payload, tracker), deadline);
            }
            published = number;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new OrreryException(Status.CANCELLED, "interrupted while "
                    + "publishing to " + topic));
        } finally {
            publishing.unlock();
        }
        // At least 1: the deadline may have passed while a BLOCK subscriber's window was full, and the flows
        // offered the message after that one still owe a release; 0 would wait for them without limit.
        tracker.seal(runtime.scheduler(), options.delivery() == Delivery.SYNC
                ? Math.max(1, deadline - System.nanoTime()) : 0);
        return tracker.future;
    }

    private static void offer(OutboundFlow flow, OutboundFlow.Outgoing message, long deadline)
            throws InterruptedException {
        message.tracker().expect();
        if (!flow.offer(message, deadline, false)) {
            // The window is full: releases usually come within microseconds, quicker than a park and a wake-up.
            long end = System.nanoTime() + SPIN_NANOS;
            flow.awaitReleases(Math.min(end, deadline));
            for (int turns = 0; flow.isFull() && System.nanoTime() - end < 0; turns++) {
                if (turns < SPIN_TURNS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            flow.offer(message, deadline, true);
        }
    }

    private byte[] encode(T value) throws IOException {
        if (codec == Codec.RAW) {
            // Copied once, into the message's payload, by TopicWire.message.
            return (byte[]) value;
        }
        return Codecs.MSGPACK.writeValueAsBytes(value);
    }

    /**
     * Follows the subscriptions known now: starts flows to new matching ones, stops those to the ones gone.
     *
     * @param targets every subscription known
     */
    void refresh(List<Target> targets) {
        List<OutboundFlow> started = new ArrayList<>();
        List<OutboundFlow> stopped = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            Map<String, Target> matching = new LinkedHashMap<>();
            for (Target target : targets) {
                if (target.id() != null && target.pattern().matches(topic)) {
                    matching.putIfAbsent(target.id(), target);
                }
            }
            flows.entrySet().removeIf(entry -> {
                boolean gone = !matching.containsKey(entry.getKey());
                if (gone) {
                    stopped.add(entry.getValue());
                }
                return gone;
            });
            for (Target target : matching.values()) {
                if (!flows.containsKey(target.id())) {
                    OutboundFlow flow = new OutboundFlow(this, target);
                    flows.put(target.id(), flow);
                    started.add(flow);
                }
            }
            if (started.isEmpty() && stopped.isEmpty()) {
                return;
            }
            routes = route(flows.values());
            notifyAll();
        }
        started.forEach(OutboundFlow::start);
        // Not while holding this publisher's monitor: retiring takes the flow's.
        stopped.forEach(OutboundFlow::retire);
    }

    private static Routes route(Iterable<OutboundFlow> flows) {
        List<OutboundFlow> solo = new ArrayList<>();
        Map<String, List<OutboundFlow>> groups = new LinkedHashMap<>();
        for (OutboundFlow flow : flows) {
            String group = flow.target().group();
            if (group == null) {
                solo.add(flow);
            } else {
                groups.computeIfAbsent(group, name -> new ArrayList<>()).add(flow);
            }
        }
        return new Routes(solo.toArray(OutboundFlow[]::new), groups.values().stream()
                .map(members -> new Group(members.toArray(OutboundFlow[]::new))).toArray(Group[]::new));
    }

    /**
     * The subscriptions that still hold a message, for the error of a SYNC publish past its deadline.
     *
     * @param sequence the message's number
     * @return their descriptions
     */
    List<String> holding(long sequence) {
        List<OutboundFlow> all;
        synchronized (this) {
            all = new ArrayList<>(flows.values());
        }
        List<String> result = new ArrayList<>();
        for (OutboundFlow flow : all) {
            if (flow.holds(sequence)) {
                result.add(flow.target().describe());
            }
        }
        return result;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int subscribers() {
        int count = 0;
        Routes current = routes;
        for (OutboundFlow flow : current.solo) {
            count += flow.isCurrent() ? 1 : 0;
        }
        for (Group group : current.groups) {
            for (OutboundFlow flow : group.members) {
                count += flow.isCurrent() ? 1 : 0;
            }
        }
        return count;
    }

    @Override
    public synchronized boolean awaitSubscribers(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (subscribers() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || closed) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public PublisherInfo info() {
        return new PublisherInfo(topic, id, options.delivery(), published, subscribers(), dropped.get(),
                disconnected.get(), failed.get());
    }

    @Override
    public void close() {
        List<OutboundFlow> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(flows.values());
            flows.clear();
            notifyAll();
        }
        runtime.removed(this);
        publishing.lock();
        try {
            long deadline = System.nanoTime() + deadlineNanos;
            Failure why = Failure.of(Status.OK, "the publisher closed");
            all.forEach(flow -> flow.close(why, deadline));
        } finally {
            publishing.unlock();
        }
    }

    TopicsRuntime runtime() {
        return runtime;
    }

    String id() {
        return id;
    }

    Delivery delivery() {
        return options.delivery();
    }

    Codec codec() {
        return codec;
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    void disconnected() {
        disconnected.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    @Override
    public String toString() {
        return "publisher " + id + " of " + topic;
    }
}
