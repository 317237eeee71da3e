package dev.orrery.transport;

import dev.orrery.Endpoint;

/**
 * A bound, accepting endpoint of a transport.
 */
public interface Listener extends AutoCloseable {

    /**
     * Where the listener accepts connections, with the real port when 0 was asked for.
     *
     * @return the endpoint
     */
    Endpoint endpoint();

    /** Stops accepting; connections already accepted stay open. */
    @Override
    void close();
}
