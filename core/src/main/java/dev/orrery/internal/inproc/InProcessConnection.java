package dev.orrery.internal.inproc;

import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.FrameListener;
import dev.orrery.transport.OutboundFrame;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end of an in-JVM connection. Frames sent by the peer queue in this end's inbox, and one task at a
 * time delivers them to the listener, in order, like a socket's I/O thread would.
 */
final class InProcessConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessConnection.class);
    /** Queued after the last frame: the peer closed. */
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final String remoteAddress;
    private final Executor delivery;
    private final int maxFrameSize;
    private final ConcurrentLinkedQueue<ByteBuffer> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private InProcessConnection peer;
    private FrameListener listener;

    InProcessConnection(String remoteAddress, Executor delivery, int maxFrameSize) {
        this.remoteAddress = remoteAddress;
        this.delivery = delivery;
        this.maxFrameSize = maxFrameSize;
    }

    void pair(InProcessConnection other) {
        this.peer = other;
    }

    void listen(FrameListener frames) {
        this.listener = frames;
        scheduleDelivery();
    }

    @Override
    public boolean send(OutboundFrame frame) {
        if (closing.get()) {
            return false;
        }
        ByteBuffer bytes = ByteBuffer.allocate(frame.encodedLength());
        frame.writeTo(bytes);
        bytes.flip();
        peer.receive(bytes);
        return true;
    }

    private void receive(ByteBuffer bytes) {
        if (closed.isDone()) {
            // Like a socket whose reader is gone: what arrives after the close is dropped.
            return;
        }
        inbox.add(bytes);
        scheduleDelivery();
    }

    private void scheduleDelivery() {
        if (listener != null && delivering.compareAndSet(false, true)) {
            try {
                delivery.execute(this::deliver);
            } catch (RejectedExecutionException e) {
                // The owning transport has shut down; its connections are closed already.
                delivering.set(false);
            }
        }
    }

    private void deliver() {
        try {
            ByteBuffer bytes;
            while (!closed.isDone() && (bytes = inbox.poll()) != null) {
                if (bytes == END) {
                    finish(null);
                    return;
                }
                long length = Integer.toUnsignedLong(bytes.getInt());
                String refused = FrameFormat.checkLength(length, maxFrameSize);
                if (refused != null) {
                    LOG.warn("closing connection {}: {}", remoteAddress, refused);
                    close();
                    return;
                }
                listener.onFrame(bytes.slice());
            }
        } catch (RuntimeException e) {
            LOG.warn("closing connection {}: the frame listener failed", remoteAddress, e);
            close();
        } finally {
            delivering.set(false);
        }
        if (!inbox.isEmpty() && !closed.isDone()) {
            scheduleDelivery();
        }
    }

    private void finish(Throwable cause) {
        if (closed.complete(null)) {
            closing.set(true);
            listener.onClose(cause);
        }
    }

    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            peer.receive(END);
            receive(END);
        }
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isOpen() {
        return !closing.get();
    }
}
