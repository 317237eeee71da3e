package dev.orrery;

/**
 * An open stream, returned by a stream method (see {@link Sink}). Closing it ends the stream: on the
 * caller's side it tells the server to stop; on the server's side the runtime closes the subscription the
 * implementation returned when the caller goes away, so the implementation can release what feeds it.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Ends the stream. Calling it again does nothing. */
    @Override
    void close();
}
