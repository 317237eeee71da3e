package dev.orrery.nameserver;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.registry.NameServer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A name server served from a node of its own, in this process.
 *
 * <pre>{@code
 * try (EmbeddedNameServer nameServer = EmbeddedNameServer.start("tcp://127.0.0.1:0")) {
 *     NameServer client = node.connect(NameServer.class, nameServer.endpoint());
 * }
 * }</pre>
 *
 * <p>The endpoint's transport must be on the class path: {@code tcp://} needs {@code orrery-transport-tcp}.
 */
public final class EmbeddedNameServer implements AutoCloseable {
    /** The name of the node that serves the name server. */
    public static final String NODE_NAME = "nameserver";

    private final NameServerService service;
    private final Node node;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedNameServer(NameServerService service, Node node) {
        this.service = service;
        this.node = node;
    }

    /**
     * Starts a name server listening on an endpoint.
     *
     * @param endpoint such as {@code tcp://127.0.0.1:2012}; port 0 picks a free port
     * @return the running name server
     * @throws OrreryException          with {@link dev.orrery.Status#UNAVAILABLE} when the endpoint cannot be bound
     * @throws IllegalArgumentException when the endpoint is malformed
     */
    public static EmbeddedNameServer start(String endpoint) {
        Endpoint.parse(endpoint);
        NameServerService service = new NameServerService();
        Node node = Node.builder().name(NODE_NAME).listen(endpoint).build();
        try {
            node.serve(NameServer.class, service).start();
        } catch (RuntimeException e) {
            node.close();
            service.close();
            throw e;
        }
        return new EmbeddedNameServer(service, node);
    }

    /**
     * Where the name server accepts calls, with the real port.
     *
     * @return the bound endpoint
     */
    public Endpoint endpoint() {
        return node.endpoints().getFirst();
    }

    /**
     * The name server itself, for calls within this process without a connection.
     *
     * @return the service
     */
    public NameServerService service() {
        return service;
    }

    /**
     * Ends every watch's stream, then closes the node gracefully. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            service.close();
            node.close();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedNameServer[" + node.endpoints() + "]";
    }
}
