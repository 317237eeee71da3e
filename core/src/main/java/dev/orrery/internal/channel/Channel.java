package dev.orrery.internal.channel;

import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import dev.orrery.internal.wire.WireException;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameListener;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection seen as a stream of frames: decoding, liveness (ping/pong) and protocol errors. The
 * client and server roles extend it.
 *
 * <p>Frames arrive on the connection's I/O thread, one at a time; {@link #handle} runs there and never
 * runs user code or blocks.
 */
abstract class Channel implements FrameListener {
    private static final Logger LOG = LoggerFactory.getLogger(Channel.class);

    final Connection connection;
    final ChannelContext context;
    private volatile long lastReceivedNanos;
    private volatile ScheduledFuture<?> keepAlive;
    /** Set on a protocol error: frames still buffered are ignored while the connection closes. */
    private volatile boolean broken;
    /** Completes when the connection has closed. */
    final CompletableFuture<Void> closed = new CompletableFuture<>();

    Channel(Connection connection, ChannelContext context) {
        this.connection = connection;
        this.context = context;
        this.lastReceivedNanos = context.now();
    }

    @Override
    public final void onFrame(ByteBuffer bytes) {
        if (broken) {
            return;
        }
        lastReceivedNanos = context.now();
        Frame frame;
        try {
            frame = Frame.decode(bytes);
        } catch (WireException e) {
            protocolError(e.getMessage());
            return;
        }
        try {
            switch (frame.type()) {
                case FrameType.PING -> connection.send(Frame.of(FrameType.PONG, frame.correlationId(),
                        frame.payload()));
                case FrameType.PONG -> {
                    // Receiving it has already refreshed the liveness clock.
                }
                default -> handle(frame);
            }
        } catch (WireException e) {
            protocolError(e.getMessage());
        }
    }

    /**
     * Handles a frame other than PING and PONG, on the I/O thread.
     *
     * @param frame the frame
     * @throws WireException when it breaks the protocol; the connection is then closed
     */
    abstract void handle(Frame frame) throws WireException;

    @Override
    public final void onClose(Throwable cause) {
        ScheduledFuture<?> timer = keepAlive;
        if (timer != null) {
            timer.cancel(false);
        }
        try {
            closed(cause);
        } finally {
            closed.complete(null);
        }
    }

    /**
     * The connection has closed; fail or cancel whatever is in flight.
     *
     * @param cause why, or {@code null} for an orderly close
     */
    abstract void closed(Throwable cause);

    /**
     * Closes the connection because the peer broke the protocol, telling it why first.
     *
     * @param reason what was wrong
     */
    final void protocolError(String reason) {
        broken = true;
        ScheduledFuture<?> timer = keepAlive;
        if (timer != null) {
            timer.cancel(false);
        }
        LOG.warn("closing connection {}: protocol error: {}", connection.remoteAddress(), reason);
        sendClose(Status.INVALID_ARGUMENT, "protocol error: " + reason);
        connection.close();
    }

    final void sendClose(Status status, String message) {
        connection.send(Frame.of(FrameType.CLOSE, 0, Failure.of(status, message).encode()));
    }

    /** Starts pinging the peer when it is silent, and closes the connection when it stays silent. */
    final void startKeepAlive() {
        long interval = context.options().keepAliveInterval().toNanos();
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), interval / 2);
        keepAlive = context.scheduler().scheduleAtFixedRate(this::checkLiveness, period, period,
                TimeUnit.NANOSECONDS);
        if (!connection.isOpen()) {
            keepAlive.cancel(false);
        }
    }

    private void checkLiveness() {
        long silence = context.now() - lastReceivedNanos;
        if (silence >= context.options().keepAliveTimeout().toNanos()) {
            LOG.warn("closing connection {}: no frame for {} ms (keep-alive timeout {})", connection.remoteAddress(),
                    TimeUnit.NANOSECONDS.toMillis(silence), context.options().keepAliveTimeout());
            peerSilent(silence);
            connection.close();
        } else if (silence >= context.options().keepAliveInterval().toNanos()) {
            connection.send(Frame.of(FrameType.PING, 0, new byte[8]));
        }
    }

    /**
     * The peer has been silent past the keep-alive timeout; the connection is about to close.
     *
     * @param silenceNanos how long it has been silent
     */
    abstract void peerSilent(long silenceNanos);

    /** @return the peer's address */
    final String remote() {
        return connection.remoteAddress();
    }
}
