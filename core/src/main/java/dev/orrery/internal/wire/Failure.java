package dev.orrery.internal.wire;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The payload of ERROR and CLOSE frames: a status, a message and, for errors thrown by a handler, the
 * type of the exception.
 *
 * @param status     the status
 * @param message    what happened
 * @param remoteType the exception class name, or empty
 */
public record Failure(Status status, String message, String remoteType) {

    /** Longest message sent; longer ones are cut. */
    public static final int MAX_MESSAGE = 8 * 1024;
    private static final int MAX_TYPE = 512;

    /**
     * The failure an exception stands for.
     *
     * @param status  the status to report
     * @param message the message
     * @return the failure, without a remote type
     */
    public static Failure of(Status status, String message) {
        return new Failure(status, message == null ? "" : message, "");
    }

    /**
     * Encodes the payload.
     *
     * @return the bytes
     */
    public byte[] encode() {
        byte[] text = Utf8.bounded(message, MAX_MESSAGE);
        byte[] type = Utf8.bounded(remoteType, MAX_TYPE);
        ByteBuffer buffer = ByteBuffer.allocate(2 + 2 + text.length + 2 + type.length);
        buffer.putShort((short) status.code()).putShort((short) text.length).put(text)
                .putShort((short) type.length).put(type);
        return buffer.array();
    }

    /**
     * Decodes an ERROR or CLOSE payload.
     *
     * @param frame the frame
     * @return the failure
     * @throws WireException when it is malformed
     */
    public static Failure decode(Frame frame) throws WireException {
        return decode(frame.payloadBuffer(), FrameType.name(frame.type()), false);
    }

    /**
     * Decodes a status, message and exception type.
     *
     * @param buffer the bytes, consumed
     * @param what   what they are, for the error
     * @param mayBeOk whether {@link Status#OK} is kept; otherwise it is read as {@link Status#UNKNOWN}
     * @return the failure
     * @throws WireException when it is malformed
     */
    public static Failure decode(ByteBuffer buffer, String what, boolean mayBeOk) throws WireException {
        if (buffer.remaining() < 6) {
            throw new WireException(what + " payload of " + buffer.remaining() + " bytes is shorter than 6");
        }
        Status status = Status.ofCode(buffer.getShort() & 0xFFFF);
        String message = string(buffer, what);
        if (buffer.remaining() < 2) {
            throw new WireException(what + " payload ends before its exception type");
        }
        String type = string(buffer, what);
        return new Failure(status == Status.OK && !mayBeOk ? Status.UNKNOWN : status, message, type);
    }

    private static String string(ByteBuffer buffer, String what) throws WireException {
        int length = buffer.getShort() & 0xFFFF;
        if (length > buffer.remaining()) {
            throw new WireException(what + " string of " + length + " bytes runs past the payload");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The exception a caller sees.
     *
     * @return an exception with this status, message and remote type
     */
    public OrreryException toException() {
        return new OrreryException(status, message, remoteType.isEmpty() ? null : remoteType, null);
    }
}
