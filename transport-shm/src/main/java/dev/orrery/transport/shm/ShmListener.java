package dev.orrery.transport.shm;

import dev.orrery.Endpoint;
import dev.orrery.transport.Listener;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Unix socket that accepts the set-up of shared-memory connections. Closing it stops accepting and removes
 * the socket's file; connections already accepted stay open.
 */
final class ShmListener implements Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ShmListener.class);

    private final Endpoint endpoint;
    private final ServerSocketChannel server;
    private final Path socketFile;
    private final Set<ShmListener> owners;
    private final AtomicBoolean closed = new AtomicBoolean();

    ShmListener(Endpoint endpoint, ServerSocketChannel server, Path socketFile, Set<ShmListener> owners) {
        this.endpoint = endpoint;
        this.server = server;
        this.socketFile = socketFile;
        this.owners = owners;
    }

    /**
     * Accept thread: hands each accepted socket over until the listener closes.
     *
     * @param accepted starts a connection's set-up on a thread of its own
     */
    void acceptLoop(Consumer<SocketChannel> accepted) {
        while (!closed.get()) {
            try {
                accepted.accept(server.accept());
            } catch (AsynchronousCloseException e) {
                LOG.debug("{} stopped accepting", endpoint, e);
                return;
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.warn("{} failed to accept a connection; it stops accepting", endpoint, e);
                    close();
                }
                return;
            }
        }
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        owners.remove(this);
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("closing the socket of {} failed", endpoint, e);
        }
        try {
            Files.deleteIfExists(socketFile);
        } catch (IOException e) {
            LOG.warn("cannot delete {}; the next listen on {} removes it", socketFile, endpoint, e);
        }
    }

    @Override
    public String toString() {
        return "ShmListener[" + endpoint + "]";
    }
}
