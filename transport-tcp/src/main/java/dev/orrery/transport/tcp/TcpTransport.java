package dev.orrery.transport.tcp;

import dev.orrery.Endpoint;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameListener;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP transport: one Netty event-loop group, shared by its listeners and connections.
 *
 * <p>Futures returned by {@link #connect} complete on the connection's I/O thread: continuations attached
 * with the non-async methods of {@link CompletableFuture} run there too, so they must not block.
 */
final class TcpTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);

    /** A frame and its length prefix must fit in one buffer, whose size is an int with some headroom. */
    private static final int LARGEST_FRAME = Integer.MAX_VALUE - 16;

    /** How long {@link #close()} lets the I/O threads finish their queued work. */
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;

    /** How Netty's native transport names the failed call: {@code bind(..) failed with error(-98): }. */
    private static final Pattern SYSTEM_CALL =
            Pattern.compile("^\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: ");

    private final TransportConfig config;
    private final IoBackend backend;
    private final int maxFrameSize;
    private final EventLoopGroup group;
    private final Set<TcpListener> listeners = ConcurrentHashMap.newKeySet();
    private final Set<TcpConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    TcpTransport(TransportConfig config, IoBackend backend) {
        this.config = config;
        this.backend = backend;
        this.maxFrameSize = Math.min(config.maxFrameSize(), LARGEST_FRAME);
        int threads = config.ioThreads() > 0
                ? config.ioThreads()
                : Math.min(2, Runtime.getRuntime().availableProcessors());
        this.group = new MultiThreadIoEventLoopGroup(threads, threadFactory(config.name()), backend.handlers());
    }

    private static ThreadFactory threadFactory(String name) {
        AtomicInteger next = new AtomicInteger(1);
        return task -> {
            Thread thread = new FastThreadLocalThread(task, "orrery-tcp-" + name + "-" + next.getAndIncrement());
            // The node that owns the transport decides when the process ends; I/O threads do not hold it up.
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String scheme() {
        return TcpTransportProvider.SCHEME;
    }

    @Override
    public Listener listen(Endpoint endpoint, Function<Connection, FrameListener> acceptor) throws IOException {
        requireTcp(endpoint);
        Objects.requireNonNull(acceptor, "acceptor");
        ensureOpen();
        String host = endpoint.host();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(backend.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new FrameReader(maxFrameSize, acceptor, null, connections));
                    }
                });
        ChannelFuture bound = bootstrap.bind(host, endpoint.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot listen on " + endpoint + ": " + reason(bound.cause(), null),
                    bound.cause());
        }
        Channel server = bound.channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        TcpListener listener = new TcpListener(server, new Endpoint(scheme(), hostPort(host, port)));
        listeners.add(listener);
        server.closeFuture().addListener(done -> listeners.remove(listener));
        return listener;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The host name is resolved on the calling thread, so that a slow name lookup never holds up an I/O
     * thread. The returned future completes on the connection's I/O thread.
     */
    @Override
    public CompletableFuture<Connection> connect(Endpoint endpoint, Function<Connection, FrameListener> listener) {
        requireTcp(endpoint);
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        CompletableFuture<Connection> result = new CompletableFuture<>();
        InetSocketAddress address = new InetSocketAddress(endpoint.host(), endpoint.port());
        if (address.isUnresolved()) {
            result.completeExceptionally(
                    new IOException("cannot connect to " + endpoint + ": unknown host " + endpoint.host()));
            return result;
        }
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(backend.channel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis())
                .handler(new FrameReader(maxFrameSize, listener, result, connections));
        ChannelFuture connecting = bootstrap.connect(address);
        connecting.addListener((ChannelFutureListener) done -> {
            if (!done.isSuccess()) {
                result.completeExceptionally(new IOException(
                        "cannot connect to " + endpoint + ": " + reason(done.cause(), address), done.cause()));
            } else {
                // Normally the reader completes the future when the channel turns active; this covers a
                // channel closed before that.
                done.channel().closeFuture().addListener(gone -> {
                    if (!result.isDone()) {
                        result.completeExceptionally(new IOException(
                                "cannot connect to " + endpoint + ": the connection closed at once"));
                    }
                });
            }
        });
        return result;
    }

    private int connectTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, config.connectTimeout().toMillis()));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (TcpListener listener : listeners) {
            listener.close();
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (TcpConnection connection : connections) {
            connection.close();
            closing.add(connection.closeFuture());
        }
        if (!onIoThread()) {
            awaitClosed(closing);
        }
        // No quiet period: nothing new should arrive once the transport is closed, and callers wait for it.
        var terminated = group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (!onIoThread() && !terminated.awaitUninterruptibly(2 * SHUTDOWN_TIMEOUT_MILLIS)) {
            LOG.warn("I/O threads of TCP transport '{}' did not stop within {} ms", config.name(),
                    2 * SHUTDOWN_TIMEOUT_MILLIS);
        }
    }

    /**
     * Gives each connection the time to end with a handshake of half-closes, which a peer sees as an orderly
     * end; the group's shutdown after it closes at once whatever is left, and a peer may see that as a reset.
     */
    private void awaitClosed(List<CompletableFuture<Void>> closing) {
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture<?>[]::new))
                    .get(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.debug("TCP transport '{}': some peers did not close within {} ms; closing them at once",
                    config.name(), SHUTDOWN_TIMEOUT_MILLIS, e);
        } catch (InterruptedException e) {
            // Stop waiting, but still release the threads below; the caller keeps its interrupt.
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a connection's close future failed, which it never does", e);
        }
    }

    private boolean onIoThread() {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("TCP transport '" + config.name() + "' is closed");
        }
    }

    private static void requireTcp(Endpoint endpoint) {
        if (!TcpTransportProvider.SCHEME.equals(endpoint.scheme())) {
            throw new IllegalArgumentException(
                    "the TCP transport cannot serve " + endpoint + "; expected tcp://host:port");
        }
    }

    /**
     * Formats {@code host:port}, with an IPv6 host in brackets.
     *
     * @param host a host name or address literal, without brackets
     * @param port the port
     * @return the address part of an endpoint
     */
    static String hostPort(String host, int port) {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    /**
     * The operating system's reason in a failed bind or connect, without the decoration Netty adds: the name
     * of the system call in front, and the socket address behind, which the caller's message already shows.
     */
    static String reason(Throwable cause, SocketAddress address) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        message = SYSTEM_CALL.matcher(message).replaceFirst("");
        String suffix = address == null ? null : ": " + address;
        if (suffix != null && message.endsWith(suffix)) {
            message = message.substring(0, message.length() - suffix.length());
        }
        return message;
    }

    @Override
    public String toString() {
        return "TcpTransport[" + config.name() + ", " + backend.channel().getSimpleName() + "]";
    }
}
