package dev.orrery.transport;

import java.nio.ByteBuffer;

/**
 * A frame ready to be written, length prefix included. The transport asks its size, gives it a buffer of
 * that size, and lets it write itself: no intermediate copy.
 */
public interface OutboundFrame {

    /**
     * The number of bytes {@link #writeTo} writes, length prefix included.
     *
     * @return the size in bytes
     */
    int encodedLength();

    /**
     * Writes the frame at the buffer's position, advancing it by {@link #encodedLength()}.
     *
     * @param buffer a buffer with at least that many bytes remaining
     */
    void writeTo(ByteBuffer buffer);
}
