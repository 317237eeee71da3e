package dev.orrery.transport.tcp;

import dev.orrery.Endpoint;
import dev.orrery.transport.Listener;
import io.netty.channel.Channel;

/**
 * A bound server channel. Closing it stops accepting; accepted channels live on their own event loops and
 * are not children that close with it.
 */
final class TcpListener implements Listener {

    private final Channel serverChannel;
    private final Endpoint endpoint;

    TcpListener(Channel serverChannel, Endpoint endpoint) {
        this.serverChannel = serverChannel;
        this.endpoint = endpoint;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        serverChannel.close();
        // Waiting makes "closed" mean the port is free again; an event-loop thread must not wait on itself.
        if (!serverChannel.eventLoop().inEventLoop()) {
            serverChannel.closeFuture().awaitUninterruptibly();
        }
    }

    @Override
    public String toString() {
        return "TcpListener[" + endpoint + "]";
    }
}
