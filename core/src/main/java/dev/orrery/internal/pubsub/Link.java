package dev.orrery.internal.pubsub;

import dev.orrery.Codec;
import dev.orrery.internal.wire.Failure;

/** Where a publisher's flow writes: a connection to another node, or a subscription of this node. */
interface Link {

    /**
     * Writes one message.
     *
     * @param codec   the value's codec
     * @param payload the sequence number and the value, see {@link TopicWire#message}
     * @return false when the link is gone
     */
    boolean send(Codec codec, byte[] payload);

    /**
     * The largest frame the subscriber's node accepts: it closes the connection on a larger one.
     *
     * @return the bytes, length prefix excluded
     */
    int maxFrameSize();

    /**
     * Lets the publishing thread read the subscriber's releases itself while it waits for a slot, where the
     * transport allows; returns when {@code done} says so or the transport's budget is spent.
     *
     * @param done          whether a slot is free
     * @param deadlineNanos when to stop, in {@link System#nanoTime()} units
     */
    default void awaitReleases(java.util.function.BooleanSupplier done, long deadlineNanos) {
    }

    /**
     * Ends the flow from the publisher's side.
     *
     * @param why {@code OK} when the publisher closed, or why it cut the subscriber off
     */
    void end(Failure why);
}
