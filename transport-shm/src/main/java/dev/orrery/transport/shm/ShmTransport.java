package dev.orrery.transport.shm;

import dev.orrery.Endpoint;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.FrameListener;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared-memory transport: each connection has a platform thread of its own, which sets the connection
 * up and then reads it; each listener has a thread that accepts on its Unix socket.
 *
 * <p>A platform thread rather than a virtual one because it spins: a spinning virtual thread would hold a
 * carrier thread that other virtual threads need.
 */
final class ShmTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(ShmTransport.class);
    /** A frame must fit in one heap buffer when joined from chunks. */
    private static final int LARGEST_FRAME = Integer.MAX_VALUE - 16;
    private static final long CLOSE_WAIT_MILLIS = 3_000;

    private final TransportConfig config;
    private final ShmFiles files;
    private final int ringCapacity;
    /** Frames larger than this go through spill files; 0 means the capacity of the connection's rings. */
    private final int spillBytes;
    private final IdleStrategy defaultIdle;
    /** Whether this side offers futexes as the doorbell; used when the peer offers them too. */
    private final boolean futex;
    private final int maxFrameSize;
    private final Set<ShmListener> listeners = ConcurrentHashMap.newKeySet();
    private final Set<ShmConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param config       limits and names
     * @param files        where sockets, segments and spill files go
     * @param ringCapacity the data area of each ring of the connections this side accepts
     * @param spillBytes   frames larger than this, length prefix included, go through spill files; 0 for the
     *                     capacity of each connection's rings
     * @param defaultIdle  how readers wait, unless an endpoint says otherwise
     */
    ShmTransport(TransportConfig config, ShmFiles files, int ringCapacity, int spillBytes, IdleStrategy defaultIdle) {
        this(config, files, ringCapacity, spillBytes, defaultIdle, Futex.available());
    }

    /**
     * @param config       limits and names
     * @param files        where sockets, segments and spill files go
     * @param ringCapacity the data area of each ring of the connections this side accepts
     * @param spillBytes   frames larger than this, length prefix included, go through spill files; 0 for the
     *                     capacity of each connection's rings
     * @param defaultIdle  how readers wait, unless an endpoint says otherwise
     * @param futex        whether this side offers futexes as the doorbell (see {@link Handshake#FUTEX})
     */
    ShmTransport(TransportConfig config, ShmFiles files, int ringCapacity, int spillBytes, IdleStrategy defaultIdle,
            boolean futex) {
        this.futex = futex;
        this.config = config;
        this.files = files;
        this.ringCapacity = ringCapacity;
        this.spillBytes = spillBytes;
        this.defaultIdle = defaultIdle;
        this.maxFrameSize = Math.min(config.maxFrameSize(), LARGEST_FRAME);
    }

    private int features() {
        return futex ? Handshake.FUTEX : 0;
    }

    @Override
    public String scheme() {
        return SharedMemoryTransportProvider.SCHEME;
    }

    @Override
    public Listener listen(Endpoint endpoint, Function<Connection, FrameListener> acceptor) throws IOException {
        ShmAddress address = ShmAddress.parse(endpoint, defaultIdle);
        Objects.requireNonNull(acceptor, "acceptor");
        ensureOpen();
        files.removeStale(address.name());
        files.removeFilesOfDeadProcesses();
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(files.socket(address.name())));
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + address.endpoint() + ": " + e.getMessage(), e);
        }
        ShmListener listener = new ShmListener(address.endpoint(), server, files.socket(address.name()), listeners);
        listeners.add(listener);
        Thread.ofPlatform().daemon().name(threadName() + "-accept")
                .start(() -> listener.acceptLoop(socket -> start(() -> serve(socket, address, acceptor))));
        return listener;
    }

    @Override
    public CompletableFuture<Connection> connect(Endpoint endpoint, Function<Connection, FrameListener> listener) {
        ShmAddress address = ShmAddress.parse(endpoint, defaultIdle);
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        CompletableFuture<Connection> result = new CompletableFuture<>();
        start(() -> join(address, listener, result));
        return result;
    }

    private void start(Runnable task) {
        // The node decides when the process ends; a reader thread does not hold it up.
        Thread.ofPlatform().daemon().name(threadName()).start(task);
    }

    private String threadName() {
        return "orrery-shm-" + config.name() + "-" + threads.incrementAndGet();
    }

    private void serve(SocketChannel socket, ShmAddress address, Function<Connection, FrameListener> acceptor) {
        String remote = address.endpoint() + " (client)";
        try {
            Selector selector = openSelector(socket);
            Handshake.Accepted accepted;
            try {
                accepted = Handshake.serve(socket, selector, files, address.name(), ringCapacity, features(),
                        deadline());
            } catch (IOException | RuntimeException e) {
                selector.close();
                throw e;
            }
            remote = address.endpoint() + " (client pid " + accepted.clientPid() + ")";
            run(accepted.segment(), Direction.SERVER_TO_CLIENT, remote, socket, selector, address.idle(),
                    accepted.features(), acceptor, null);
        } catch (IOException | RuntimeException e) {
            LOG.warn("shared-memory set-up with a client of {} failed", remote, e);
            closeQuietly(socket);
        }
    }

    private void join(ShmAddress address, Function<Connection, FrameListener> listener,
            CompletableFuture<Connection> result) {
        SocketChannel socket = null;
        try {
            socket = SocketChannel.open(StandardProtocolFamily.UNIX);
            socket.connect(UnixDomainSocketAddress.of(files.socket(address.name())));
            Selector selector = openSelector(socket);
            Handshake.Joined joined;
            try {
                joined = Handshake.join(socket, selector, address.name(), features(), deadline());
            } catch (IOException | RuntimeException e) {
                selector.close();
                throw e;
            }
            run(joined.segment(), Direction.CLIENT_TO_SERVER, address.endpoint().toString(), socket, selector,
                    address.idle(), joined.features(), listener, result);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            result.completeExceptionally(new IOException("cannot connect to " + address.endpoint() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e));
        }
    }

    /**
     * Runs on the connection's thread until it ends.
     *
     * @param outbound  the direction this side writes in
     * @param connected completed with the connection once it is handed out, on the client side
     */
    private void run(Segment segment, Direction outbound, String remote, SocketChannel socket, Selector selector,
            IdleStrategy idle, int features, Function<Connection, FrameListener> factory,
            CompletableFuture<Connection> connected) {
        String name = ShmFiles.connection(segment.file());
        Ring out = segment.ring(outbound);
        boolean futex = (features & Handshake.FUTEX) != 0;
        ShmConnection connection = new ShmConnection(remote, out,
                new SpillWriter(files, name, outbound, spillBytes == 0 ? out.capacity() : spillBytes),
                segment.arena(), socket, selector, idle, futex);
        ShmReader reader = new ShmReader(connection, segment.ring(outbound.opposite()),
                new SpillReader(files, name, outbound.opposite()), socket, selector, idle, maxFrameSize, futex);
        // The rings are empty, so the preface fits; it goes before anything the listener factory sends.
        connection.tryWriteRecord(FrameFormat.preface());
        FrameListener listener;
        try {
            listener = Objects.requireNonNull(factory.apply(connection),
                    "the frame listener function returned null for " + connection);
        } catch (RuntimeException e) {
            LOG.warn("closing connection {}: no frame listener for it", connection.remoteAddress(), e);
            if (connected != null) {
                connected.completeExceptionally(e);
            }
            connection.terminate();
            connection.release();
            return;
        }
        connections.add(connection);
        if (connected != null) {
            connected.complete(connection);
        }
        try {
            reader.run(listener);
        } finally {
            connections.remove(connection);
        }
    }

    private static Selector openSelector(SocketChannel socket) throws IOException {
        socket.configureBlocking(false);
        Selector selector = Selector.open();
        try {
            socket.register(selector, SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            selector.close();
            throw e;
        }
        return selector;
    }

    private long deadline() {
        return System.nanoTime() + config.connectTimeout().toNanos();
    }

    private static void closeQuietly(SocketChannel socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing a socket after a failed set-up failed too", e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (ShmListener listener : listeners) {
            listener.close();
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (ShmConnection connection : connections) {
            connection.close();
            closing.add(connection.closeFuture());
        }
        if (Thread.currentThread().getName().startsWith("orrery-shm-" + config.name() + "-")) {
            // A reader thread closing its own transport would wait for itself.
            return;
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture<?>[]::new))
                    .get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debug("shared-memory transport '{}': some connections did not close within {} ms", config.name(),
                    CLOSE_WAIT_MILLIS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a connection's close future failed, which it never does", e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("shared-memory transport '" + config.name() + "' is closed");
        }
    }

    @Override
    public String toString() {
        return "ShmTransport[" + config.name() + ", " + files.directory() + "]";
    }
}
