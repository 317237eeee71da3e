package dev.orrery.console;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's listening socket and its connections, on one Netty I/O thread: a console has few users, and its
 * handlers run elsewhere.
 */
final class HttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    /** A connection that neither reads nor writes for this long is closed; event streams write more often. */
    private static final long IDLE_SECONDS = 120;

    private final EventLoopGroup group;
    private final Channel server;
    private final Set<Channel> connections;

    private HttpServer(EventLoopGroup group, Channel server, Set<Channel> connections) {
        this.group = group;
        this.server = server;
        this.connections = connections;
    }

    /**
     * Listens.
     *
     * @param host    the address to bind
     * @param port    the port; 0 for any free one
     * @param limits  the body bound and the event streams' water marks
     * @param handler makes the handler of each new connection
     * @return the listening server
     * @throws OrreryException {@link Status#UNAVAILABLE} when the address cannot be bound
     */
    static HttpServer bind(String host, int port, ConsoleLimits limits, Supplier<HttpChannel> handler) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, task -> {
            Thread thread = new FastThreadLocalThread(task, "orrery-console-io");
            thread.setDaemon(true);
            return thread;
        }, NioIoHandler.newFactory());
        Set<Channel> connections = ConcurrentHashMap.newKeySet();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(limits.streamLowWaterBytes(), limits.streamHighWaterBytes()))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.closeFuture().addListener(done -> connections.remove(channel));
                        channel.pipeline()
                                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new BoundedAggregator(limits.maxRequestBytes()))
                                .addLast(handler.get());
                    }
                });
        ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new OrreryException(Status.UNAVAILABLE, "the console cannot listen on " + host + ":" + port + ": "
                    + bound.cause().getMessage() + "; choose another [console] port or bind address",
                    bound.cause());
        }
        return new HttpServer(group, bound.channel(), connections);
    }

    /**
     * Where it listens.
     *
     * @return the bound address, with the real port
     */
    InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Stops accepting connections; those open stay open. */
    void stopAccepting() {
        server.close().awaitUninterruptibly();
    }

    /** Closes every connection, then stops the I/O thread. */
    void close() {
        connections.forEach(Channel::close);
        if (!group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(4, TimeUnit.SECONDS)) {
            LOG.warn("the console's I/O thread did not stop within 4 s");
        }
    }
}
