package dev.orrery.internal.wire;

import java.nio.ByteBuffer;

/**
 * The service and method headers of the last frame that one connection decoded, kept so that the next frame
 * naming the same ones reuses their arrays: most calls on a connection name the method the previous one named,
 * and a server then recognises it by identity, without copying or comparing names.
 *
 * <p>Used by one decoding thread at a time, as a connection delivers its frames; the arrays are published
 * through final fields, so that a reader on another thread sees their contents.
 */
public final class NameCache {

    private Name service;
    private Name method;

    /** The cached array of one header, reached through a final field. */
    private record Name(byte[] bytes) {
    }

    /**
     * The service header's bytes at the buffer's position, reused when they are the last ones seen.
     *
     * @param buffer the frame, positioned at the value; moved past it
     * @param length the value's length
     * @return the bytes, not to be changed
     */
    byte[] service(ByteBuffer buffer, int length) {
        Name last = service;
        if (last != null && matches(buffer, length, last.bytes)) {
            buffer.position(buffer.position() + length);
            return last.bytes;
        }
        service = new Name(copy(buffer, length));
        return service.bytes;
    }

    /**
     * The method header's bytes at the buffer's position, reused when they are the last ones seen.
     *
     * @param buffer the frame, positioned at the value; moved past it
     * @param length the value's length
     * @return the bytes, not to be changed
     */
    byte[] method(ByteBuffer buffer, int length) {
        Name last = method;
        if (last != null && matches(buffer, length, last.bytes)) {
            buffer.position(buffer.position() + length);
            return last.bytes;
        }
        method = new Name(copy(buffer, length));
        return method.bytes;
    }

    private static boolean matches(ByteBuffer buffer, int length, byte[] cached) {
        if (cached.length != length) {
            return false;
        }
        int start = buffer.position();
        for (int i = 0; i < length; i++) {
            if (buffer.get(start + i) != cached[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] copy(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
