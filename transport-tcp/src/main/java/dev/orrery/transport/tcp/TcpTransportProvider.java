package dev.orrery.transport.tcp;

import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import dev.orrery.transport.TransportProvider;

/**
 * Provides the {@code tcp} transport: length-prefixed Orrery frames over TCP, on Netty, with native epoll on
 * Linux when it is available and NIO otherwise. Found through {@link java.util.ServiceLoader}.
 */
public final class TcpTransportProvider implements TransportProvider {

    /** The scheme of the endpoints this transport serves. */
    static final String SCHEME = "tcp";

    /** Called by {@link java.util.ServiceLoader}. */
    public TcpTransportProvider() {
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code tcp}
     */
    @Override
    public String scheme() {
        return SCHEME;
    }

    /**
     * Creates a transport with its own I/O threads, named {@code orrery-tcp-<name>-N}. Close it to stop them.
     *
     * @param config the limits and names it must honour
     * @return the transport
     */
    @Override
    public Transport create(TransportConfig config) {
        return new TcpTransport(config, IoBackend.best());
    }
}
