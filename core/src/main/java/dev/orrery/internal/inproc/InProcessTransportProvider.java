package dev.orrery.internal.inproc;

import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import dev.orrery.transport.TransportProvider;

/** Provides {@code inproc://} connections between nodes of one JVM. */
public final class InProcessTransportProvider implements TransportProvider {
    static final String SCHEME = "inproc";

    /** Found by {@link java.util.ServiceLoader}. */
    public InProcessTransportProvider() {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Transport create(TransportConfig config) {
        return new InProcessTransport(config);
    }
}
