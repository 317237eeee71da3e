package dev.orrery.internal.channel;

import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.WireException;

/**
 * The subscribing side of topic flows on a server connection: a publisher sends SUBSCRIBE to attach a flow to
 * one of this node's subscriptions, then PUBLISH frames on it; see {@code docs/protocol.md}, section 24.
 * Called on the connection's I/O thread; must not block.
 */
public interface TopicReceiver {

    /** A node without subscriptions: every flow is refused. */
    TopicReceiver NONE = (channel, flowId, frame) -> {
        channel.endFlow(flowId, Failure.of(Status.NOT_FOUND, "this node has no subscriptions"), false);
        return null;
    };

    /**
     * A publisher attaches a flow.
     *
     * @param channel the connection it came on
     * @param flowId  the flow's id, chosen by the publisher
     * @param frame   the SUBSCRIBE frame
     * @return the flow, or {@code null} when refused (the refusal has been sent)
     * @throws WireException when the frame is malformed
     */
    Flow attach(ServerChannel channel, long flowId, Frame frame) throws WireException;

    /** One attached flow. */
    interface Flow {

        /**
         * A message arrives.
         *
         * @param frame the PUBLISH frame
         * @throws WireException when it is malformed or exceeds the window
         */
        void message(Frame frame) throws WireException;

        /**
         * The flow ended: the publisher said UNSUBSCRIBE, or the connection closed.
         *
         * @param why the publisher's reason ({@link Status#OK} when it closed), or the connection's loss
         */
        void ended(Failure why);
    }
}
