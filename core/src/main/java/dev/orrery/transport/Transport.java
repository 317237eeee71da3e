package dev.orrery.transport;

import dev.orrery.Endpoint;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Opens and accepts {@link Connection}s that carry Orrery frames. A transport knows nothing of calls,
 * topics or other transports: it moves length-prefixed frames in order, checks the stream preface and the
 * maximum frame size, and reports when a connection ends.
 *
 * <p>Each side of a stream transport first writes {@link FrameFormat#preface()}; the transport checks the
 * peer's preface and closes the connection, with a logged reason, when it differs.
 */
public interface Transport extends AutoCloseable {

    /**
     * The endpoint scheme this transport serves, such as {@code tcp}.
     *
     * @return the scheme
     */
    String scheme();

    /**
     * Starts accepting connections.
     *
     * @param endpoint where to listen; port 0 picks a free port
     * @param acceptor called on each new connection, before any frame is read, for the listener of its frames
     * @return the bound listener, whose endpoint carries the real port
     * @throws IOException when the address cannot be bound
     */
    Listener listen(Endpoint endpoint, Function<Connection, FrameListener> acceptor) throws IOException;

    /**
     * Connects to a listening peer.
     *
     * @param endpoint the peer
     * @param listener called once the connection is open, before any frame is read, for the listener of
     *                 its frames
     * @return completes with the connection once it is open and the preface is written, or fails with an
     *     {@link IOException} saying why it could not connect
     */
    CompletableFuture<Connection> connect(Endpoint endpoint, Function<Connection, FrameListener> listener);

    /** Closes every listener and connection and releases the transport's threads. */
    @Override
    void close();
}
