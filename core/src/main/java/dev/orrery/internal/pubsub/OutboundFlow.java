package dev.orrery.internal.pubsub;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.channel.FlowListener;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.WireException;
import dev.orrery.pubsub.Delivery;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One publisher's flow to one subscription: keeps at most the subscription's window of messages unreleased,
 * applies its slow-consumer policy when the window is full, and settles each message's {@link PublishTracker}.
 *
 * <p>Until the flow is attached, up to a window of messages wait for it. A flow whose connection is lost fails
 * what it had not settled and attaches again at the next message; a subscription that is gone, or cut off,
 * takes no more messages.
 */
final class OutboundFlow implements FlowListener, AckSink {

    /** RETIRING: the subscription is no longer registered; messages sent may still be released. */
    enum State { ATTACHING, ATTACHED, LOST, RETIRING, CUT_OFF, CLOSED }

    /** A message on its way: its sequence number, its payload, and whom to tell. */
    record Outgoing(long sequence, byte[] payload, PublishTracker tracker) {
    }

    private final TopicPublisher<?> publisher;
    private final Target target;
    private final int window;
    private final boolean sync;
    // Guarded by this.
    private State state = State.ATTACHING;
    private Link link;
    private int inFlight;
    private final ArrayDeque<Outgoing> waiting = new ArrayDeque<>();
    /** SYNC messages sent and not yet released, by sequence number. */
    private final Map<Long, PublishTracker> unreleased = new HashMap<>();
    private String lostReason;

    OutboundFlow(TopicPublisher<?> publisher, Target target) {
        this.publisher = publisher;
        this.target = target;
        this.sync = publisher.delivery() == Delivery.SYNC;
        this.window = target.window(publisher.delivery());
    }

    Target target() {
        return target;
    }

    /** Attaches the flow, asynchronously. */
    void start() {
        CompletableFuture<Link> linking = publisher.runtime().link(target, this, new TopicWire.Attach(
                publisher.delivery(), window, target.id(), publisher.topic(), publisher.id()));
        linking.whenComplete(this::linked);
    }

    private void linked(Link attached, Throwable error) {
        List<Outgoing> failed;
        synchronized (this) {
            if (state != State.ATTACHING) {
                if (attached != null) {
                    attached.end(Failure.of(Status.OK, "the publisher no longer delivers to this subscription"));
                }
                return;
            }
            if (error == null) {
                link = attached;
                state = State.ATTACHED;
                pump();
                notifyAll();
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            lostReason = cause instanceof OrreryException e ? e.description() : cause.toString();
            state = State.LOST;
            failed = new ArrayList<>(waiting);
            waiting.clear();
            notifyAll();
        }
        for (Outgoing message : failed) {
            fail(message.tracker(), Status.UNAVAILABLE, "cannot reach it: " + lostReason);
        }
    }

    /**
     * Offers a message: sends it, keeps it waiting, or settles it as the state and the policy say. May wait,
     * up to the deadline, for a {@code BLOCK} subscription's slot.
     *
     * @param message       the message
     * @param deadlineNanos when to give up waiting, in {@link System#nanoTime()} units
     * @param mayWait       whether to wait for a slot; when not, a message that would wait is not taken
     * @return whether the message was taken: false only when it would have waited and may not
     */
    synchronized boolean offer(Outgoing message, long deadlineNanos, boolean mayWait) throws InterruptedException {
        while (true) {
            switch (state) {
                case CLOSED, CUT_OFF, RETIRING -> {
                    // No longer a current subscriber of this publisher.
                    message.tracker().done();
                    return true;
                }
                case LOST -> {
                    state = State.ATTACHING;
                    start();
                    if (state == State.LOST) {
                        fail(message.tracker(), Status.UNAVAILABLE, "cannot reach it: " + lostReason);
                        return true;
                    }
                    continue;
                }
                case ATTACHING -> {
                    if (waiting.size() < window) {
                        waiting.addLast(message);
                        return true;
                    }
                }
                case ATTACHED -> {
                    if (inFlight < window && waiting.isEmpty()) {
                        send(message);
                        return true;
                    }
                }
            }
            switch (target.policy()) {
                case DROP_NEWEST -> {
                    drop(message);
                    return true;
                }
                case DROP_OLDEST -> {
                    if (waiting.size() >= window) {
                        drop(waiting.pollFirst());
                    }
                    waiting.addLast(message);
                    return true;
                }
                case DISCONNECT -> {
                    if (state == State.ATTACHED) {
                        cutOff();
                        if (sync) {
                            // SYNC loses nothing without an error: this message was meant for it too.
                            fail(message.tracker(), Status.RESOURCE_EXHAUSTED, "it was cut off, its window full "
                                    + "(policy DISCONNECT), before the message was sent");
                        } else {
                            message.tracker().done();
                        }
                        return true;
                    }
                    // Still connecting: not a slow subscriber yet, so wait for it like BLOCK.
                    if (!mayWait) {
                        return false;
                    }
                    if (!await(message, deadlineNanos)) {
                        return true;
                    }
                }
                case BLOCK -> {
                    if (!mayWait) {
                        return false;
                    }
                    if (!await(message, deadlineNanos)) {
                        return true;
                    }
                }
            }
        }
    }

    /** Waits for a change; false, with the message failed, once the deadline has passed. Holds the lock. */
    private boolean await(Outgoing message, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            fail(message.tracker(), Status.RESOURCE_EXHAUSTED, "its window of " + window + (window == 1 ? " slot"
                    : " slots") + " stayed full until the deadline (policy BLOCK)");
            return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
        return true;
    }

    /** Holds the lock. */
    private void send(Outgoing message) {
        int limit = link.maxFrameSize();
        int size = message.payload().length + Links.PUBLISH_OVERHEAD;
        if (size > limit) {
            fail(message.tracker(), Status.RESOURCE_EXHAUSTED, "the message is a frame of " + size
                    + " bytes and its node accepts at most " + limit + " (its maxFrameSize)");
            return;
        }
        inFlight++;
        if (sync) {
            unreleased.put(message.sequence(), message.tracker());
        }
        if (!link.send(publisher.codec(), message.payload())) {
            if (!sync) {
                unreleased.put(message.sequence(), message.tracker());
            }
            lost(Failure.of(Status.UNAVAILABLE, "its connection closed"));
        } else if (!sync) {
            message.tracker().done();
        }
    }

    /** Holds the lock. */
    private void pump() {
        while (state == State.ATTACHED && inFlight < window && !waiting.isEmpty()) {
            send(waiting.pollFirst());
        }
    }

    /** Holds the lock. */
    private void drop(Outgoing message) {
        publisher.dropped();
        if (sync) {
            // SYNC loses nothing without an error: the publisher learns of the drop.
            message.tracker().failed(Status.RESOURCE_EXHAUSTED, target.describe() + ": its window of " + window
                    + (window == 1 ? " slot" : " slots") + " was full and its policy " + target.policy()
                    + " dropped the message");
        } else {
            message.tracker().done();
        }
    }

    /** The window stayed full under DISCONNECT: end the flow, telling the subscriber why. Holds the lock. */
    private void cutOff() {
        state = State.CUT_OFF;
        publisher.disconnected();
        String why = "publisher " + publisher.id() + " cut this subscription off: its window of " + window
                + (window == 1 ? " slot" : " slots") + " was full (policy DISCONNECT)";
        Link current = link;
        link = null;
        current.end(Failure.of(Status.RESOURCE_EXHAUSTED, why));
        failAll(Status.RESOURCE_EXHAUSTED, "it was cut off, its window full (policy DISCONNECT), before releasing it");
    }

    /** Fails every message sent and unreleased, or waiting. Holds the lock. */
    private void failAll(Status status, String why) {
        for (PublishTracker tracker : unreleased.values()) {
            fail(tracker, status, why);
        }
        unreleased.clear();
        for (Outgoing message : waiting) {
            fail(message.tracker(), status, why);
        }
        waiting.clear();
        inFlight = 0;
        notifyAll();
    }

    private void fail(PublishTracker tracker, Status status, String why) {
        publisher.failed();
        tracker.failed(status, target.describe() + ": " + why);
    }

    @Override
    public void acked(Frame frame) throws WireException {
        TopicWire.Ack ack = TopicWire.ack(frame);
        ack(ack.count(), ack.sequence(), ack.failure());
    }

    @Override
    public synchronized void ack(int count, long sequence, Failure failure) {
        if (state != State.ATTACHED && state != State.RETIRING) {
            return;
        }
        inFlight = Math.max(0, inFlight - count);
        if (sequence >= 0) {
            PublishTracker tracker = unreleased.remove(sequence);
            if (tracker != null) {
                if (failure == null) {
                    tracker.done();
                } else {
                    fail(tracker, failure.status(), "its handler failed: " + failure.message());
                }
            }
        }
        if (state == State.RETIRING && unreleased.isEmpty()) {
            state = State.CLOSED;
            link.end(Failure.of(Status.OK, "the subscription is no longer registered"));
            link = null;
        }
        pump();
        notifyAll();
    }

    @Override
    public void ended(Failure why, boolean lost) {
        if (lost) {
            lost(why);
        } else {
            end(why);
        }
    }

    /** The subscriber ended the flow: its subscription closed, or it does not know it. */
    @Override
    public synchronized void end(Failure why) {
        if (state == State.CLOSED || state == State.CUT_OFF) {
            return;
        }
        state = State.CLOSED;
        link = null;
        failAll(Status.UNAVAILABLE, why.status() == Status.OK ? "the subscription closed before releasing it"
                : "the subscriber ended the flow: " + why.message());
    }

    /** The connection was lost: fail what is unsettled, attach again at the next message. */
    private synchronized void lost(Failure why) {
        if (state != State.ATTACHED && state != State.RETIRING) {
            return;
        }
        state = State.LOST;
        link = null;
        lostReason = why.message();
        failAll(Status.UNAVAILABLE, "its connection was lost before it released the message: " + why.message());
    }

    /**
     * The subscription is no longer registered: take no more messages, fail those not yet sent, and end the
     * flow once the messages sent are released (or fail, or time out, by their own deadline).
     */
    synchronized void retire() {
        if (state == State.CLOSED || state == State.CUT_OFF || state == State.RETIRING) {
            return;
        }
        String why = "the subscription is no longer registered";
        for (Outgoing message : waiting) {
            fail(message.tracker(), Status.UNAVAILABLE, why + " (the message was not sent)");
        }
        waiting.clear();
        if (state == State.ATTACHED && !unreleased.isEmpty()) {
            state = State.RETIRING;
        } else {
            close(Failure.of(Status.OK, why), 0);
        }
        notifyAll();
    }

    /**
     * Stops delivering, after the messages waiting have been sent, up to the deadline.
     *
     * @param why           what to tell the subscriber
     * @param deadlineNanos when to stop waiting, in {@link System#nanoTime()} units
     */
    synchronized void close(Failure why, long deadlineNanos) {
        try {
            while (!waiting.isEmpty() && (state == State.ATTACHING || state == State.ATTACHED)) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (state == State.CLOSED || state == State.CUT_OFF) {
            return;
        }
        State was = state;
        state = State.CLOSED;
        if (was == State.ATTACHED || was == State.RETIRING) {
            link.end(why);
        }
        link = null;
        failAll(Status.UNAVAILABLE, "the publisher stopped delivering to it before it released the message ("
                + why.message() + ")");
    }

    /**
     * Whether this flow still holds a message: sent and not released, or waiting to be sent.
     *
     * @param sequence the message's number
     * @return true when it does
     */
    synchronized boolean holds(long sequence) {
        if (unreleased.containsKey(sequence)) {
            return true;
        }
        for (Outgoing message : waiting) {
            if (message.sequence() == sequence) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits, up to a time, until a message offered would be sent or kept without applying the policy.
     *
     * @param nanos how long at most
     * @return whether it would
     * @throws InterruptedException when interrupted
     */
    synchronized boolean awaitSlot(long nanos) throws InterruptedException {
        if (!hasSlot()) {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        }
        return hasSlot();
    }

    /**
     * Waits a little for a slot, reading the subscriber's releases on this thread where the transport allows,
     * instead of being woken by the thread that would read them. Holds no lock while it reads.
     *
     * @param deadlineNanos when to stop, in {@link System#nanoTime()} units
     */
    void awaitReleases(long deadlineNanos) {
        Link current;
        synchronized (this) {
            current = state == State.ATTACHED ? link : null;
        }
        if (current != null) {
            current.awaitReleases(() -> !isFull(), deadlineNanos);
        }
    }

    /** @return whether a message offered now would find the window full, or would wait for the connection */
    synchronized boolean isFull() {
        return switch (state) {
            case ATTACHED -> inFlight >= window || !waiting.isEmpty();
            case ATTACHING -> waiting.size() >= window;
            default -> false;
        };
    }

    /** @return whether a message offered now would be sent or kept without applying the policy */
    synchronized boolean hasSlot() {
        return switch (state) {
            case ATTACHED -> inFlight < window && waiting.isEmpty();
            case ATTACHING -> waiting.size() < window;
            default -> false;
        };
    }

    /** @return whether the flow still takes messages: not retiring, cut off or closed */
    synchronized boolean isCurrent() {
        return state == State.ATTACHING || state == State.ATTACHED || state == State.LOST;
    }
}
