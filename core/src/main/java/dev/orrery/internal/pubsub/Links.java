package dev.orrery.internal.pubsub;

import dev.orrery.Codec;
import dev.orrery.internal.channel.ClientChannel;
import dev.orrery.internal.channel.ServerChannel;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.WireException;

/** The two ends of a flow, over a connection and within this node. */
final class Links {
    /** What a PUBLISH frame adds to its payload: the fixed header and the codec header. */
    static final int PUBLISH_OVERHEAD = 12 + 4;
    private Links() {
    }

    /** A publisher's end over a connection to the subscriber's node. */
    record Remote(ClientChannel channel, long flowId) implements Link {
        @Override
        public int maxFrameSize() {
            return channel.peerMaxFrameSize();
        }

        @Override
        public boolean send(Codec codec, byte[] payload) {
            return channel.sendOnFlow(TopicWire.publish(flowId, codec, payload));
        }

        @Override
        public void awaitReleases(java.util.function.BooleanSupplier done, long deadlineNanos) {
            channel.awaitInbound(done, deadlineNanos);
        }

        @Override
        public void end(Failure why) {
            channel.endFlow(flowId, why);
        }
    }

    /** A subscriber's end over a connection from the publisher's node. */
    record RemoteAcks(ServerChannel channel, long flowId) implements AckSink {
        @Override
        public void ack(int count, long sequence, Failure failure) {
            channel.send(sequence < 0 ? TopicWire.ack(flowId, count) : TopicWire.ack(flowId, sequence, failure));
        }

        @Override
        public void end(Failure why) {
            channel.endFlow(flowId, why, true);
        }
    }

    /** A publisher's end to a subscription of the same node: no frames, the same flow control. */
    record Local(InboundFlow flow) implements Link {
        @Override
        public int maxFrameSize() {
            return Integer.MAX_VALUE;
        }

        @Override
        public boolean send(Codec codec, byte[] payload) {
            try {
                flow.deliver(java.nio.ByteBuffer.wrap(payload).getLong(), codec, payload, TopicWire.SEQUENCE_BYTES,
                        payload.length - TopicWire.SEQUENCE_BYTES);
                return true;
            } catch (WireException e) {
                // The publisher of this node keeps the window and the order; reaching here is a bug.
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public void end(Failure why) {
            flow.ended(why);
        }
    }
}
