package dev.orrery.internal.inproc;

import dev.orrery.Endpoint;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameListener;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Connections between nodes of one JVM, {@code inproc://name}: frames are encoded and delivered in order to
 * the peer on a virtual thread, with the same limits as a socket. Tests use it to run the whole call stack
 * without the network; it is also the cheapest way for two nodes in one process to talk.
 */
final class InProcessTransport implements Transport {
    /** Listeners of every node in this JVM, by name. */
    private static final ConcurrentHashMap<String, InProcessListener> LISTENERS = new ConcurrentHashMap<>();

    private final TransportConfig config;
    private final ExecutorService delivery;
    private final List<InProcessListener> listeners = new CopyOnWriteArrayList<>();
    private final List<InProcessConnection> connections = new CopyOnWriteArrayList<>();

    InProcessTransport(TransportConfig config) {
        this.config = config;
        this.delivery = Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
                .name("orrery-inproc-" + config.name() + "-", 0).factory());
    }

    @Override
    public String scheme() {
        return InProcessTransportProvider.SCHEME;
    }

    @Override
    public Listener listen(Endpoint endpoint, Function<Connection, FrameListener> acceptor) throws IOException {
        InProcessListener listener = new InProcessListener(endpoint, acceptor, this);
        if (LISTENERS.putIfAbsent(endpoint.address(), listener) != null) {
            throw new IOException("cannot listen on " + endpoint + ": the name is already bound in this JVM");
        }
        listeners.add(listener);
        return listener;
    }

    @Override
    public CompletableFuture<Connection> connect(Endpoint endpoint, Function<Connection, FrameListener> factory) {
        InProcessListener server = LISTENERS.get(endpoint.address());
        if (server == null) {
            return CompletableFuture.failedFuture(new IOException("cannot connect to " + endpoint
                    + ": nothing listens there in this JVM"));
        }
        InProcessConnection client = new InProcessConnection(endpoint.toString(), delivery, config.maxFrameSize());
        InProcessConnection accepted = new InProcessConnection("inproc://" + config.name(),
                server.transport.delivery, server.transport.config.maxFrameSize());
        client.pair(accepted);
        accepted.pair(client);
        accepted.listen(server.acceptor.apply(accepted));
        client.listen(factory.apply(client));
        connections.add(client);
        server.transport.connections.add(accepted);
        return CompletableFuture.completedFuture(client);
    }

    void unbind(InProcessListener listener) {
        LISTENERS.remove(listener.endpoint().address(), listener);
        listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.forEach(InProcessListener::close);
        connections.forEach(InProcessConnection::close);
        delivery.close();
    }

    /** A bound name. */
    record InProcessListener(Endpoint endpoint, Function<Connection, FrameListener> acceptor,
                             InProcessTransport transport) implements Listener {
        @Override
        public void close() {
            transport.unbind(this);
        }
    }
}
