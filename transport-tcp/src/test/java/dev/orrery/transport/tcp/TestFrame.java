package dev.orrery.transport.tcp;

import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.OutboundFrame;
import java.nio.ByteBuffer;

/** A frame whose body is opaque bytes: the length prefix, then the body. */
record TestFrame(byte[] body) implements OutboundFrame {

    /** A body of {@code size} bytes that starts with {@code tag} and then counts up, to catch misplaced bytes. */
    static TestFrame of(int size, long tag) {
        byte[] body = new byte[size];
        ByteBuffer.wrap(body).putLong(tag);
        for (int i = Long.BYTES; i < size; i++) {
            body[i] = (byte) (i * 31);
        }
        return new TestFrame(body);
    }

    @Override
    public int encodedLength() {
        return FrameFormat.LENGTH_FIELD_SIZE + body.length;
    }

    @Override
    public void writeTo(ByteBuffer buffer) {
        buffer.putInt(body.length).put(body);
    }
}
