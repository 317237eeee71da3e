package dev.orrery.internal.pubsub;

import dev.orrery.Codec;
import dev.orrery.internal.channel.TopicReceiver;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.WireException;
import dev.orrery.pubsub.Delivery;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One publisher's flow into a subscription of this node: checks the window, counts the messages its
 * publisher dropped, and sends releases back, one by one for a SYNC publisher and in batches for an ASYNC one.
 */
final class InboundFlow implements TopicReceiver.Flow {
    private final LocalSubscription<?> subscription;
    private final AckSink acks;
    private final TopicWire.Attach attach;
    private final int window;
    private final boolean sync;
    /** Releases an ASYNC flow gathers before sending them in one ACK. */
    private final int ackEvery;
    /** Whether the handler runs on the thread that delivers the frame: never for a publisher of this node. */
    private final boolean direct;
    /** Whether the subscription is a queue group's member, whose sequences have gaps by design. */
    private final boolean grouped;
    private final AtomicInteger unreleased = new AtomicInteger();
    /** Touched only by the thread that delivers this flow's frames, one at a time. */
    private long lastSequence;
    // Guarded by this.
    private int pendingAcks;
    private volatile boolean ended;

    InboundFlow(LocalSubscription<?> subscription, AckSink acks, TopicWire.Attach attach, int window) {
        this.subscription = subscription;
        this.acks = acks;
        this.attach = attach;
        this.window = window;
        this.sync = attach.delivery() == Delivery.SYNC;
        this.ackEvery = Math.max(1, window / 4);
        this.direct = subscription.options().direct() && !(acks instanceof OutboundFlow);
        this.grouped = subscription.options().group() != null;
    }

    @Override
    public void message(Frame frame) throws WireException {
        Codec codec = Codec.ofId(frame.codec());
        if (codec == null) {
            throw new WireException("PUBLISH with unknown codec " + frame.codec());
        }
        deliver(TopicWire.sequence(frame), codec, frame.payload(), frame.payloadOffset() + TopicWire.SEQUENCE_BYTES,
                frame.payloadLength() - TopicWire.SEQUENCE_BYTES);
    }

    /**
     * A message arrives, remote or local.
     *
     * @throws WireException when the publisher exceeded the window, or numbered out of order
     */
    void deliver(long sequence, Codec codec, byte[] bytes, int offset, int length) throws WireException {
        if (sequence <= lastSequence) {
            throw new WireException("PUBLISH sequence " + sequence + " after " + lastSequence + " on flow of "
                    + attach.publisher());
        }
        if (unreleased.incrementAndGet() > window) {
            throw new WireException("publisher " + attach.publisher() + " sent more than its window of " + window
                    + " unreleased messages");
        }
        // A queue group's member does not see the messages given to the other members: no drops.
        if (!grouped && lastSequence > 0 && sequence > lastSequence + 1) {
            subscription.dropped(sequence - lastSequence - 1);
        }
        lastSequence = sequence;
        subscription.received(new Received<>(subscription, this, sequence, codec, bytes, offset, length), direct);
    }

    /**
     * A message was released.
     *
     * @param sequence its number
     * @param failure  why its handling failed, or {@code null}
     */
    void released(long sequence, Failure failure) {
        unreleased.decrementAndGet();
        if (ended) {
            return;
        }
        if (sync) {
            acks.ack(1, sequence, failure);
            return;
        }
        int count;
        synchronized (this) {
            if (++pendingAcks < ackEvery) {
                return;
            }
            count = pendingAcks;
            pendingAcks = 0;
        }
        acks.ack(count, -1, null);
    }

    /** Sends the releases gathered so far. */
    void flush() {
        int count;
        synchronized (this) {
            count = pendingAcks;
            pendingAcks = 0;
        }
        if (count > 0 && !ended) {
            acks.ack(count, -1, null);
        }
    }

    @Override
    public void ended(Failure why) {
        ended = true;
        subscription.flowEnded(this, why);
    }

    /**
     * Ends the flow from this side.
     *
     * @param why {@code OK} when the subscription closed
     */
    void close(Failure why) {
        if (!ended) {
            ended = true;
            acks.end(why);
        }
    }

    TopicWire.Attach attach() {
        return attach;
    }
}
