package dev.orrery.internal.channel;

import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import dev.orrery.internal.wire.NameCache;
import dev.orrery.internal.wire.WireException;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameListener;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
    private static final VarHandle FRAMES_RECEIVED;

    static {
        try {
            FRAMES_RECEIVED = MethodHandles.lookup().findVarHandle(Channel.class, "framesReceived", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Connection connection;
    final ChannelContext context;
    /**
     * Frames received so far: counted by the thread that reads them, looked at by the keep-alive timer, which
     * notes when the count last moved. A count rather than a time: reading the clock per frame would cost
     * more than the rest of a small frame's handling.
     */
    @SuppressWarnings("unused") // through FRAMES_RECEIVED
    private long framesReceived;
    /** Keep-alive timer only: the count at its last look, and when it last saw the count move. */
    private long framesSeen;
    private long lastReceivedNanos;
    private volatile ScheduledFuture<?> keepAlive;
    /** The names the last frames carried, reused while frames repeat them. */
    private final NameCache names = new NameCache();
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
        // Opaque: the reading threads take turns under the transport's lock; the timer needs no ordering.
        FRAMES_RECEIVED.setOpaque(this, (long) FRAMES_RECEIVED.getOpaque(this) + 1);
        Frame frame;
        try {
            frame = Frame.decode(bytes, names);
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
        long now = context.now();
        long received = (long) FRAMES_RECEIVED.getOpaque(this);
        if (received != framesSeen) {
            framesSeen = received;
            lastReceivedNanos = now;
        }
        long silence = now - lastReceivedNanos;
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
