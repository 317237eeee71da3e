package dev.orrery.transport;

import java.nio.ByteBuffer;

/**
 * Receives the frames of one connection. Its methods are called on the connection's I/O thread, one at a
 * time, so they must return quickly and never block.
 */
public interface FrameListener {

    /**
     * One frame arrived.
     *
     * @param frame the frame's bytes after the length prefix, from position to limit; valid only during the
     *              call, so copy what you keep
     */
    void onFrame(ByteBuffer frame);

    /**
     * The connection closed. Called once, after the last {@link #onFrame}.
     *
     * @param cause why, or {@code null} for an orderly close
     */
    void onClose(Throwable cause);
}
