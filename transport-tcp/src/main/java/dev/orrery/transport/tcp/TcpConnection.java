package dev.orrery.transport.tcp;

import dev.orrery.transport.Connection;
import dev.orrery.transport.OutboundFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.PlatformDependent;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of one TCP connection.
 *
 * <p>Any thread may call {@link #send}: it encodes the frame into a direct buffer on the calling thread, puts
 * the buffer on a multi-producer queue and, when no drain is pending, submits one to the channel's event
 * loop. The drain writes every queued buffer and flushes once, so a burst of sends costs one wake-up of the
 * event loop and one system call, not one each. Frames of one thread keep their order because the queue is
 * FIFO per producer.
 *
 * <p>Threads: the queue has many producers and one consumer at a time: whoever holds {@link #drainScheduled}
 * (the event loop in {@link #drain} and {@link #flushAndClose}; a sender only when the event loop has
 * stopped).
 */
final class TcpConnection implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);

    /** Flushes in chunks so that a long queue starts reaching the socket before the whole queue is written. */
    private static final int FLUSH_EVERY = 128;

    /** Gives other channels of the event loop a turn while producers keep this queue full. */
    private static final int MAX_WRITES_PER_DRAIN = 1024;

    /**
     * How long {@link #close()} waits for queued bytes to reach the peer and for the peer to close its side,
     * before closing the socket regardless.
     */
    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    private final Channel channel;
    private final EventLoop eventLoop;
    private final String remoteAddress;
    private final Queue<ByteBuf> queue = PlatformDependent.newMpscQueue();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final Runnable drainTask = this::drain;
    private volatile boolean open = true;
    /** Set on the event loop once the last frames are written; later writes are dropped. */
    private boolean outputDone;

    TcpConnection(Channel channel) {
        this.channel = channel;
        this.eventLoop = channel.eventLoop();
        this.remoteAddress = describe(channel.remoteAddress());
    }

    /**
     * Formats a socket address as an endpoint, {@code tcp://host:port}, with IPv6 hosts in brackets.
     *
     * @param address the address
     * @return the endpoint text
     */
    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return TcpTransportProvider.SCHEME + "://" + TcpTransport.hostPort(inet.getHostString(), inet.getPort());
        }
        return TcpTransportProvider.SCHEME + "://" + address;
    }

    @Override
    public boolean send(OutboundFrame frame) {
        if (!open) {
            return false;
        }
        int length = frame.encodedLength();
        ByteBuf buf = channel.alloc().directBuffer(length, length);
        try {
            ByteBuffer target = buf.nioBuffer(buf.writerIndex(), length);
            frame.writeTo(target);
            if (target.position() != length) {
                throw new IllegalStateException("frame " + frame + " wrote " + target.position()
                        + " bytes but its encodedLength() is " + length);
            }
            buf.writerIndex(buf.writerIndex() + length);
        } catch (RuntimeException | Error e) {
            buf.release();
            throw e;
        }
        queue.offer(buf);
        if (!drainScheduled.get() && drainScheduled.compareAndSet(false, true)) {
            submitDrain();
        }
        return true;
    }

    /** Called by the holder of {@link #drainScheduled}. */
    private void submitDrain() {
        try {
            eventLoop.execute(drainTask);
        } catch (RejectedExecutionException e) {
            // The event loop has stopped and closed the channel with it, so nothing will write these frames.
            // This thread holds the flag, which makes it the queue's only consumer.
            LOG.debug("connection {}: I/O thread stopped, dropping queued frames", remoteAddress, e);
            open = false;
            do {
                releaseQueued();
                drainScheduled.set(false);
            } while (!queue.isEmpty() && drainScheduled.compareAndSet(false, true));
        }
    }

    /** Runs on the event loop, holding {@link #drainScheduled}. */
    private void drain() {
        int written = 0;
        int unflushed = 0;
        do {
            ByteBuf buf;
            while ((buf = queue.poll()) != null) {
                if (!write(buf)) {
                    continue;
                }
                written++;
                if (++unflushed == FLUSH_EVERY) {
                    channel.flush();
                    unflushed = 0;
                }
                if (written == MAX_WRITES_PER_DRAIN) {
                    channel.flush();
                    // The flag stays set: the resubmitted task is the pending drain.
                    submitDrain();
                    return;
                }
            }
            if (unflushed > 0) {
                channel.flush();
                unflushed = 0;
            }
            drainScheduled.set(false);
            // A producer that offered after the last poll but saw the flag still set did not submit a task.
        } while (!queue.isEmpty() && drainScheduled.compareAndSet(false, true));
    }

    /** Writes without flushing, or drops the buffer when the channel is gone or closing. Event loop only. */
    private boolean write(ByteBuf buf) {
        if (outputDone || !channel.isActive()) {
            buf.release();
            return false;
        }
        // The void promise saves an allocation per frame; a failed write reaches the pipeline's
        // exceptionCaught, which closes the connection and reports the cause.
        channel.write(buf, channel.voidPromise());
        return true;
    }

    private void releaseQueued() {
        ByteBuf buf;
        while ((buf = queue.poll()) != null) {
            buf.release();
        }
    }

    @Override
    public void close() {
        if (!closeRequested.compareAndSet(false, true)) {
            return;
        }
        open = false;
        try {
            eventLoop.execute(this::flushAndClose);
        } catch (RejectedExecutionException e) {
            LOG.debug("connection {}: I/O thread already stopped, which closed the channel", remoteAddress, e);
        }
    }

    /** Event loop only. Writes the frames still queued, then ends the connection. */
    private void flushAndClose() {
        if (!drainScheduled.compareAndSet(false, true)) {
            // A pending drain owns the queue: let it run first, then take the queue over.
            try {
                eventLoop.execute(this::flushAndClose);
            } catch (RejectedExecutionException e) {
                LOG.debug("connection {}: I/O thread stopping, which closes the channel", remoteAddress, e);
            }
            return;
        }
        ByteBuf buf;
        while ((buf = queue.poll()) != null) {
            write(buf);
        }
        // A sender that passed the open check just before close() may still queue a frame; it is dropped.
        outputDone = true;
        drainScheduled.set(false);
        if (!channel.isActive()) {
            return;
        }
        ScheduledFuture<?> deadline = eventLoop.schedule(
                () -> channel.close(), CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> deadline.cancel(false));
        // The empty write completes after every queued byte reached the socket. Then a half-close sends our
        // end of stream and the peer, seeing it, closes its side, which closes ours. Closing the socket at
        // once instead would reset the connection if bytes from the peer were still unread, and a reset
        // makes the peer's kernel drop what it had received from us but not yet handed to its reader.
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) flushed -> {
            if (flushed.isSuccess() && channel instanceof DuplexChannel duplex) {
                duplex.shutdownOutput().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            } else {
                channel.close();
            }
        });
    }

    /** Called on the event loop once the channel is inactive, after the frame listener's {@code onClose}. */
    void markClosed() {
        open = false;
        closeRequested.set(true);
        closeFuture.complete(null);
    }

    @Override
    public CompletableFuture<Void> closeFuture() {
        // A copy, so that a caller completing it cannot make the connection look closed to others.
        return closeFuture.copy();
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isOpen() {
        return open && channel.isActive();
    }

    @Override
    public String toString() {
        return "TcpConnection[" + remoteAddress + (isOpen() ? "" : ", closed") + "]";
    }
}
