package dev.orrery.transport.tcp;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Which Netty I/O implementation a transport runs on: its event-loop handlers and the matching channel types.
 *
 * @param handlers      creates the I/O handler of each event loop
 * @param channel       the type of client and accepted channels
 * @param serverChannel the type of listening channels
 */
record IoBackend(
        IoHandlerFactory handlers,
        Class<? extends SocketChannel> channel,
        Class<? extends ServerSocketChannel> serverChannel) {

    /**
     * Native epoll when its library loads (Linux), else NIO: epoll saves a copy of the ready set per wake-up
     * and writes straight from direct buffers.
     *
     * @return the backend
     */
    static IoBackend best() {
        return Epoll.isAvailable() ? epoll() : nio();
    }

    static IoBackend epoll() {
        return new IoBackend(EpollIoHandler.newFactory(), EpollSocketChannel.class, EpollServerSocketChannel.class);
    }

    static IoBackend nio() {
        return new IoBackend(NioIoHandler.newFactory(), NioSocketChannel.class, NioServerSocketChannel.class);
    }
}
