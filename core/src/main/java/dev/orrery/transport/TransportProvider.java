package dev.orrery.transport;

/**
 * Creates a {@link Transport}. Providers are found with {@link java.util.ServiceLoader}, one per scheme.
 */
public interface TransportProvider {

    /**
     * The endpoint scheme the transports serve, such as {@code tcp}.
     *
     * @return the scheme
     */
    String scheme();

    /**
     * Creates a transport, with threads of its own, for one node.
     *
     * @param config the limits and names it must honour
     * @return the transport
     */
    Transport create(TransportConfig config);
}
