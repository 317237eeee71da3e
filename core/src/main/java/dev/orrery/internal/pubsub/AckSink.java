package dev.orrery.internal.pubsub;

import dev.orrery.internal.wire.Failure;

/** Where a subscription's releases go: back over a connection, or to a publisher of this node. */
interface AckSink {

    /**
     * Releases slots.
     *
     * @param count    how many
     * @param sequence the one message released, for a SYNC flow, or -1
     * @param failure  why its handling failed, or {@code null}
     */
    void ack(int count, long sequence, Failure failure);

    /**
     * Ends the flow from the subscriber's side.
     *
     * @param why {@code OK} when the subscription closed
     */
    void end(Failure why);
}
