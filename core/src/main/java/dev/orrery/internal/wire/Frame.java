package dev.orrery.internal.wire;

import dev.orrery.Codec;
import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.OutboundFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One frame, decoded or to be encoded. Headers that a frame does not carry are {@code null}, or -1 for
 * numbers. The payload is a byte array slice owned by the frame.
 *
 * @param type          the frame type, see {@link FrameType}
 * @param flags         flag bits; none are defined in version 1, so they must be 0
 * @param correlationId ties replies, errors, cancels and credits to their call
 * @param deadlineMicros microseconds the caller still waits, or -1
 * @param codec         the payload's codec, or -1
 * @param service       service name header, UTF-8 bytes, or {@code null}
 * @param method        method name header, UTF-8 bytes, or {@code null}
 * @param auth          authentication token, or {@code null}
 * @param traceId       trace id, or {@code null}
 * @param payload       the payload bytes (never {@code null})
 * @param payloadOffset where the payload starts in {@code payload}
 * @param payloadLength how many bytes it has
 */
public record Frame(int type, int flags, long correlationId, long deadlineMicros, int codec,
                    byte[] service, byte[] method, byte[] auth, byte[] traceId,
                    byte[] payload, int payloadOffset, int payloadLength) implements OutboundFrame {

    private static final byte[] EMPTY = new byte[0];
    private static final int FIXED_HEADER = 12;

    /**
     * A frame with no headers and a whole array as payload.
     *
     * @param type          the frame type
     * @param correlationId the correlation id
     * @param payload       the payload
     * @return the frame
     */
    public static Frame of(int type, long correlationId, byte[] payload) {
        return new Frame(type, 0, correlationId, -1, -1, null, null, null, null, payload, 0, payload.length);
    }

    /**
     * A frame with no headers and no payload.
     *
     * @param type          the frame type
     * @param correlationId the correlation id
     * @return the frame
     */
    public static Frame empty(int type, long correlationId) {
        return of(type, correlationId, EMPTY);
    }

    /**
     * A call or one-way frame.
     *
     * @param type           {@link FrameType#CALL} or {@link FrameType#ONE_WAY}
     * @param correlationId  the call's id
     * @param deadlineMicros microseconds the caller waits
     * @param codec          the codec of the arguments
     * @param service        the service name, UTF-8
     * @param method         the method name, UTF-8
     * @param payload        the encoded arguments
     * @return the frame
     */
    public static Frame call(int type, long correlationId, long deadlineMicros, Codec codec,
                             byte[] service, byte[] method, byte[] payload) {
        return new Frame(type, 0, correlationId, deadlineMicros, codec.id(), service, method, null, null,
                payload, 0, payload.length);
    }

    /**
     * The size of a frame made by {@link #call}, length prefix excluded, computed without building it.
     *
     * @param service       the service name, UTF-8
     * @param method        the method name, UTF-8
     * @param payloadLength the payload's length
     * @return the size in bytes
     */
    public static int callSize(byte[] service, byte[] method, int payloadLength) {
        return FIXED_HEADER + (3 + 8) + (3 + 1) + headerLength(service) + headerLength(method) + payloadLength;
    }

    /**
     * A reply frame.
     *
     * @param correlationId the call's id
     * @param codec         the codec of the result
     * @param payload       the encoded result
     * @return the frame
     */
    public static Frame reply(long correlationId, Codec codec, byte[] payload) {
        return new Frame(FrameType.REPLY, 0, correlationId, -1, codec.id(), null, null, null, null,
                payload, 0, payload.length);
    }

    /**
     * One value of a stream.
     *
     * @param streamId the stream's correlation id
     * @param codec    the value's codec
     * @param payload  the encoded value
     * @return the frame
     */
    public static Frame item(long streamId, Codec codec, byte[] payload) {
        return new Frame(FrameType.ITEM, 0, streamId, -1, codec.id(), null, null, null, null, payload, 0,
                payload.length);
    }

    /**
     * The service header as text.
     *
     * @return the service name, or {@code null}
     */
    public String serviceName() {
        return service == null ? null : new String(service, StandardCharsets.UTF_8);
    }

    /**
     * The method header as text.
     *
     * @return the method name, or {@code null}
     */
    public String methodName() {
        return method == null ? null : new String(method, StandardCharsets.UTF_8);
    }

    /**
     * The payload's codec: MessagePack when the frame names none.
     *
     * @return the codec, or {@code null} when the frame names one this version does not know
     */
    public Codec payloadCodec() {
        return codec < 0 ? Codec.MSGPACK : Codec.ofId(codec);
    }

    /**
     * The payload as a read-only buffer.
     *
     * @return a view of the payload bytes
     */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload, payloadOffset, payloadLength).asReadOnlyBuffer();
    }

    private int headersLength() {
        int length = 0;
        if (deadlineMicros >= 0) {
            length += 3 + 8;
        }
        if (codec >= 0) {
            length += 3 + 1;
        }
        length += headerLength(service) + headerLength(method) + headerLength(auth) + headerLength(traceId);
        return length;
    }

    private static int headerLength(byte[] value) {
        return value == null ? 0 : 3 + value.length;
    }

    @Override
    public int encodedLength() {
        return FrameFormat.LENGTH_FIELD_SIZE + FIXED_HEADER + headersLength() + payloadLength;
    }

    @Override
    public void writeTo(ByteBuffer buffer) {
        int headers = headersLength();
        buffer.putInt(FIXED_HEADER + headers + payloadLength);
        buffer.put((byte) type).put((byte) flags).putShort((short) headers).putLong(correlationId);
        if (deadlineMicros >= 0) {
            buffer.put((byte) HeaderKey.DEADLINE).putShort((short) 8).putLong(deadlineMicros);
        }
        if (codec >= 0) {
            buffer.put((byte) HeaderKey.CODEC).putShort((short) 1).put((byte) codec);
        }
        putHeader(buffer, HeaderKey.SERVICE, service);
        putHeader(buffer, HeaderKey.METHOD, method);
        putHeader(buffer, HeaderKey.AUTH, auth);
        putHeader(buffer, HeaderKey.TRACE_ID, traceId);
        buffer.put(payload, payloadOffset, payloadLength);
    }

    private static void putHeader(ByteBuffer buffer, int key, byte[] value) {
        if (value != null) {
            buffer.put((byte) key).putShort((short) value.length).put(value);
        }
    }

    /**
     * Decodes a frame, length prefix excluded, copying what it keeps.
     *
     * @param buffer the frame bytes from position to limit
     * @return the frame
     * @throws WireException when the bytes are not a valid version 1 frame
     */
    public static Frame decode(ByteBuffer buffer) throws WireException {
        return decode(buffer, null);
    }

    /**
     * Decodes a frame, length prefix excluded, copying what it keeps but for service and method headers that
     * are the ones the connection's last frame named, which it takes from the cache.
     *
     * @param buffer the frame bytes from position to limit
     * @param names  the connection's last service and method headers, or {@code null} to copy them too
     * @return the frame
     * @throws WireException when the bytes are not a valid version 1 frame
     */
    public static Frame decode(ByteBuffer buffer, NameCache names) throws WireException {
        int length = buffer.remaining();
        if (length < FIXED_HEADER) {
            throw new WireException("frame of " + length + " bytes is shorter than the minimum of " + FIXED_HEADER);
        }
        int type = buffer.get() & 0xFF;
        int flags = buffer.get() & 0xFF;
        int headersLength = buffer.getShort() & 0xFFFF;
        long correlationId = buffer.getLong();
        if (flags != 0) {
            throw new WireException("frame " + FrameType.name(type) + " has flags 0x" + Integer.toHexString(flags)
                    + "; version 1 defines none");
        }
        if (headersLength > buffer.remaining()) {
            throw new WireException("frame " + FrameType.name(type) + " declares " + headersLength
                    + " bytes of headers but has " + buffer.remaining());
        }
        int headersEnd = buffer.position() + headersLength;
        long deadline = -1;
        int codec = -1;
        byte[] service = null;
        byte[] method = null;
        byte[] auth = null;
        byte[] trace = null;
        while (buffer.position() < headersEnd) {
            if (headersEnd - buffer.position() < 3) {
                throw new WireException("truncated header in frame " + FrameType.name(type));
            }
            int key = buffer.get() & 0xFF;
            int valueLength = buffer.getShort() & 0xFFFF;
            if (valueLength > headersEnd - buffer.position()) {
                throw new WireException("header 0x" + Integer.toHexString(key) + " of " + valueLength
                        + " bytes runs past the header block of frame " + FrameType.name(type));
            }
            switch (key) {
                case HeaderKey.DEADLINE -> deadline = fixedLong(buffer, valueLength);
                case HeaderKey.CODEC -> codec = fixedByte(buffer, valueLength);
                case HeaderKey.SERVICE -> service = names == null ? bytes(buffer, valueLength)
                        : names.service(buffer, valueLength);
                case HeaderKey.METHOD -> method = names == null ? bytes(buffer, valueLength)
                        : names.method(buffer, valueLength);
                case HeaderKey.AUTH -> auth = bytes(buffer, valueLength);
                case HeaderKey.TRACE_ID -> trace = bytes(buffer, valueLength);
                default -> buffer.position(buffer.position() + valueLength);
            }
        }
        if (deadline < -1) {
            throw new WireException("deadline header is negative");
        }
        byte[] payload = bytes(buffer, buffer.remaining());
        return new Frame(type, flags, correlationId, deadline, codec, service, method, auth, trace,
                payload, 0, payload.length);
    }

    private static long fixedLong(ByteBuffer buffer, int length) throws WireException {
        if (length != 8) {
            throw new WireException("deadline header must be 8 bytes, got " + length);
        }
        long value = buffer.getLong();
        if (value < 0) {
            throw new WireException("deadline header " + Long.toUnsignedString(value) + " is out of range");
        }
        return value;
    }

    private static int fixedByte(ByteBuffer buffer, int length) throws WireException {
        if (length != 1) {
            throw new WireException("codec header must be 1 byte, got " + length);
        }
        return buffer.get() & 0xFF;
    }

    private static byte[] bytes(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
