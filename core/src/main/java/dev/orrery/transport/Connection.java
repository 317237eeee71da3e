package dev.orrery.transport;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

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

    /**
     * Lets a thread that waits for a reply receive it itself: the transport may deliver frames that have
     * arrived to the connection's listener on the calling thread, as its own thread would, for as long as its
     * waiting strategy allows, returning when {@code done} says so or the time is up. Waking another thread
     * to hand a frame over costs microseconds, which a transport whose peer writes into memory this thread
     * can read need not pay. Frames are still delivered one at a time and in order, whichever thread delivers
     * them. The default, for transports whose frames arrive on threads of their own, returns at once.
     *
     * @param done          whether the caller has what it waits for
     * @param othersWaiting whether other callers still wait for frames of this connection, which the transport's
     *                      own thread must deliver once this caller stops reading
     * @param deadlineNanos when the caller stops waiting, in {@link System#nanoTime()} units
     */
    default void awaitInbound(BooleanSupplier done, BooleanSupplier othersWaiting, long deadlineNanos) {
    }
}
