package dev.orrery.internal.channel;

import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.WireException;

/**
 * The publishing side of one topic flow on a client connection: hears the subscriber's ACK frames and the end
 * of the flow. Called on the connection's I/O thread; must not block.
 */
public interface FlowListener {

    /**
     * The subscriber released messages.
     *
     * @param frame the ACK frame
     * @throws WireException when it is malformed
     */
    void acked(Frame frame) throws WireException;

    /**
     * The flow ended: the subscriber said UNSUBSCRIBE, or the connection closed.
     *
     * @param why its reason, {@link dev.orrery.Status#OK} when the subscription closed
     * @param lost whether the connection was lost rather than the flow ended by the subscriber
     */
    void ended(Failure why, boolean lost);
}
