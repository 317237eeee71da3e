package dev.orrery.transport;

import java.util.concurrent.CompletableFuture;

/**
 * One open connection of a transport. {@link #send} may be called from any thread.
 */
public interface Connection {

    /**
     * Queues a frame for writing. Never blocks; frames sent from one thread are written in order.
     *
     * @param frame the frame
     * @return {@code false} when the connection is closed and the frame was dropped
     */
    boolean send(OutboundFrame frame);

    /** Writes what is queued, then closes the connection. Calling it again does nothing. */
    void close();

    /**
     * Completes once the connection is closed, for whatever reason.
     *
     * @return the future
     */
    CompletableFuture<Void> closeFuture();

    /**
     * The peer's address, for logs and errors, such as {@code tcp://127.0.0.1:51234}.
     *
     * @return the address
     */
    String remoteAddress();

    /**
     * True while frames can be sent.
     *
     * @return whether the connection is open
     */
    boolean isOpen();
}
