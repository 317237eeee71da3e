package dev.orrery.internal.pubsub;

import dev.orrery.Codec;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import dev.orrery.internal.wire.WireException;
import dev.orrery.pubsub.Delivery;
import dev.orrery.pubsub.SubscribeOptions;
import dev.orrery.pubsub.TopicPattern;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The payloads of the topic frames, as in {@code docs/protocol.md}, section 24. */
final class TopicWire {
    /** The longest subscription id or publisher identity. */
    static final int MAX_NAME = 1024;
    /** Bytes before the value in a PUBLISH payload: the sequence number. */
    static final int SEQUENCE_BYTES = 8;

    private TopicWire() {
    }

    /**
     * What a publisher says when it attaches a flow.
     *
     * @param delivery     its delivery mode
     * @param window       the slots it will use, as the subscription registered them
     * @param subscription the subscription's id
     * @param topic        the topic it publishes
     * @param publisher    its identity
     */
    record Attach(Delivery delivery, int window, String subscription, String topic, String publisher) {
    }

    static Frame attach(long flowId, Attach attach) {
        byte[] subscription = attach.subscription().getBytes(StandardCharsets.UTF_8);
        byte[] topic = attach.topic().getBytes(StandardCharsets.UTF_8);
        byte[] publisher = attach.publisher().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + 6 + subscription.length + topic.length + publisher.length);
        buffer.put((byte) attach.delivery().ordinal()).putInt(attach.window());
        buffer.putShort((short) subscription.length).put(subscription);
        buffer.putShort((short) topic.length).put(topic);
        buffer.putShort((short) publisher.length).put(publisher);
        return Frame.of(FrameType.SUBSCRIBE, flowId, buffer.array());
    }

    static Attach attach(Frame frame) throws WireException {
        ByteBuffer buffer = frame.payloadBuffer();
        if (buffer.remaining() < 1 + 4 + 6) {
            throw new WireException("SUBSCRIBE payload of " + buffer.remaining() + " bytes is shorter than 11");
        }
        int mode = buffer.get();
        if (mode != 0 && mode != 1) {
            throw new WireException("SUBSCRIBE delivery mode " + mode + " is neither 0 (async) nor 1 (sync)");
        }
        int window = buffer.getInt();
        if (window < 1 || window > SubscribeOptions.MAX_SLOTS) {
            throw new WireException("SUBSCRIBE window " + Integer.toUnsignedString(window) + " is not 1 to "
                    + SubscribeOptions.MAX_SLOTS);
        }
        String subscription = string(buffer, "subscription id");
        String topic = string(buffer, "topic");
        String publisher = string(buffer, "publisher");
        if (buffer.hasRemaining()) {
            throw new WireException("SUBSCRIBE payload has " + buffer.remaining() + " bytes after its publisher");
        }
        try {
            TopicPattern.checkTopic(topic);
        } catch (RuntimeException e) {
            throw new WireException("SUBSCRIBE topic is not valid: " + e.getMessage());
        }
        return new Attach(Delivery.values()[mode], window, subscription, topic, publisher);
    }

    private static String string(ByteBuffer buffer, String what) throws WireException {
        if (buffer.remaining() < 2) {
            throw new WireException("SUBSCRIBE payload ends before its " + what);
        }
        int length = buffer.getShort() & 0xFFFF;
        if (length > MAX_NAME || length > buffer.remaining()) {
            throw new WireException("SUBSCRIBE " + what + " of " + length + " bytes is longer than " + MAX_NAME
                    + " or runs past the payload");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * A message's payload: its sequence number, then the value, made once and sent on every flow.
     *
     * @param sequence the sequence number
     * @param value    the encoded value
     * @return the payload
     */
    static byte[] message(long sequence, byte[] value) {
        byte[] payload = new byte[SEQUENCE_BYTES + value.length];
        ByteBuffer.wrap(payload).putLong(sequence);
        System.arraycopy(value, 0, payload, SEQUENCE_BYTES, value.length);
        return payload;
    }

    static Frame publish(long flowId, Codec codec, byte[] payload) {
        return new Frame(FrameType.PUBLISH, 0, flowId, -1, codec.id(), null, null, null, null, payload, 0,
                payload.length);
    }

    static long sequence(Frame frame) throws WireException {
        if (frame.payloadLength() < SEQUENCE_BYTES) {
            throw new WireException("PUBLISH payload of " + frame.payloadLength() + " bytes has no sequence number");
        }
        return ByteBuffer.wrap(frame.payload(), frame.payloadOffset(), SEQUENCE_BYTES).getLong();
    }

    /** Releases of an ASYNC flow, counted. */
    static Frame ack(long flowId, int count) {
        return Frame.of(FrameType.ACK, flowId, ByteBuffer.allocate(4).putInt(count).array());
    }

    /** The release of one message of a SYNC flow, with the failure of its handler, if any. */
    static Frame ack(long flowId, long sequence, Failure failure) {
        byte[] failed = failure == null ? new byte[0] : failure.encode();
        return Frame.of(FrameType.ACK, flowId, ByteBuffer.allocate(12 + failed.length).putInt(1).putLong(sequence)
                .put(failed).array());
    }

    /**
     * A decoded ACK.
     *
     * @param count    slots released
     * @param sequence the message released, or -1 when the ACK only counts
     * @param failure  its handler's failure, or {@code null}
     */
    record Ack(int count, long sequence, Failure failure) {
    }

    static Ack ack(Frame frame) throws WireException {
        ByteBuffer buffer = frame.payloadBuffer();
        if (buffer.remaining() != 4 && buffer.remaining() < 12) {
            throw new WireException("ACK payload of " + buffer.remaining() + " bytes is neither 4 nor at least 12");
        }
        int count = buffer.getInt();
        if (count < 1) {
            throw new WireException("ACK releases " + Integer.toUnsignedString(count) + " slots");
        }
        if (!buffer.hasRemaining()) {
            return new Ack(count, -1, null);
        }
        if (count != 1) {
            throw new WireException("an ACK naming its message releases one slot, not " + count);
        }
        long sequence = buffer.getLong();
        Failure failure = buffer.hasRemaining() ? Failure.decode(buffer, "ACK", false) : null;
        return new Ack(count, sequence, failure);
    }
}
