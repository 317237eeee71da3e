package dev.orrery.transport.tcp;

import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.FrameListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of one connection: writes this side's preface, checks the peer's, cuts the stream into
 * length-prefixed frames and hands each to the connection's {@link FrameListener}, then reports the close.
 *
 * <p>Bytes gather in one cumulation buffer. A frame that is whole in it goes to the listener as a view of
 * that buffer, without a copy. A frame still arriving makes the buffer grow once to the frame's full size,
 * so a large frame is not copied again on every read.
 *
 * <p>Threads: one instance per channel; every field is owned by the channel's event loop.
 */
final class FrameReader extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);
    private static final byte[] PREFACE = FrameFormat.preface();
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private final int maxFrameSize;
    private final Function<Connection, FrameListener> listenerFactory;
    private final CompletableFuture<Connection> connected;
    private final Set<TcpConnection> connections;

    private TcpConnection connection;
    private FrameListener listener;
    private ByteBuf cumulation;
    private boolean prefaceSeen;
    /** Set once the connection is closing: whatever still arrives is dropped unread. */
    private boolean discarding;
    /** The bytes, prefix included, of the frame that starts at the reader index; 0 when not known yet. */
    private int pendingFrameBytes;
    private Throwable closeCause;

    /**
     * @param maxFrameSize    the largest frame accepted, prefix excluded
     * @param listenerFactory gives the listener of this connection's frames
     * @param connected       completed with the connection once it is active, or {@code null} when accepting
     * @param connections     the transport's open connections, which this one joins while active
     */
    FrameReader(int maxFrameSize, Function<Connection, FrameListener> listenerFactory,
            CompletableFuture<Connection> connected, Set<TcpConnection> connections) {
        this.maxFrameSize = maxFrameSize;
        this.listenerFactory = listenerFactory;
        this.connected = connected;
        this.connections = connections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = new TcpConnection(ctx.channel());
        try {
            listener = listenerFactory.apply(connection);
            if (listener == null) {
                throw new NullPointerException("the frame listener function returned null for " + connection);
            }
        } catch (RuntimeException e) {
            LOG.warn("closing connection from {}: no frame listener for it", connection.remoteAddress(), e);
            if (connected != null) {
                connected.completeExceptionally(e);
            }
            stop(ctx, e);
            return;
        }
        connections.add(connection);
        // Frames that an acceptor already sent wait for a drain task, which runs after this method: the
        // preface always goes first.
        ctx.writeAndFlush(ctx.alloc().directBuffer(PREFACE.length).writeBytes(PREFACE), ctx.voidPromise());
        if (connected != null) {
            connected.complete(connection);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (discarding) {
            in.release();
            return;
        }
        cumulation = cumulation == null ? in : append(ctx.alloc(), cumulation, in);
        if (prefaceSeen || readPreface(ctx)) {
            readFrames(ctx);
        }
        if (cumulation != null && !cumulation.isReadable()) {
            cumulation.release();
            cumulation = null;
        }
    }

    private ByteBuf append(ByteBufAllocator alloc, ByteBuf cum, ByteBuf in) {
        int incoming = in.readableBytes();
        if (cum.writableBytes() >= incoming && cum.refCnt() == 1 && !cum.isReadOnly()) {
            cum.writeBytes(in);
            in.release();
            return cum;
        }
        // Also compacts: the bytes already delivered are left behind in the old buffer.
        int size = Math.max(cum.readableBytes() + incoming, pendingFrameBytes);
        ByteBuf grown = alloc.directBuffer(size);
        try {
            grown.writeBytes(cum).writeBytes(in);
        } finally {
            cum.release();
            in.release();
        }
        return grown;
    }

    /** Returns whether the whole preface has arrived and matched; refuses a peer as soon as a byte differs. */
    private boolean readPreface(ChannelHandlerContext ctx) {
        int available = Math.min(cumulation.readableBytes(), FrameFormat.PREFACE_LENGTH);
        byte[] first = new byte[available];
        cumulation.getBytes(cumulation.readerIndex(), first);
        boolean whole = available == FrameFormat.PREFACE_LENGTH;
        boolean matches = whole
                ? FrameFormat.isPreface(first, 0)
                : Arrays.equals(first, 0, available, PREFACE, 0, available);
        if (!matches) {
            LOG.warn("closing connection from {}: not an Orrery peer (first bytes: {})",
                    connection.remoteAddress(), HEX.formatHex(first));
            stop(ctx, new ProtocolException("the peer is not an Orrery peer: its first bytes are "
                    + HEX.formatHex(first)));
            return false;
        }
        if (whole) {
            cumulation.skipBytes(FrameFormat.PREFACE_LENGTH);
            prefaceSeen = true;
        }
        return whole;
    }

    private void readFrames(ChannelHandlerContext ctx) {
        ByteBuf buf = cumulation;
        while (buf.readableBytes() >= FrameFormat.LENGTH_FIELD_SIZE) {
            int start = buf.readerIndex();
            long length = buf.getUnsignedInt(start);
            String refusal = FrameFormat.checkLength(length, maxFrameSize);
            if (refusal != null) {
                LOG.warn("closing connection from {}: {}", connection.remoteAddress(), refusal);
                stop(ctx, new ProtocolException(refusal));
                return;
            }
            int frameBytes = FrameFormat.LENGTH_FIELD_SIZE + (int) length;
            if (buf.readableBytes() < frameBytes) {
                pendingFrameBytes = frameBytes;
                return;
            }
            pendingFrameBytes = 0;
            buf.readerIndex(start + frameBytes);
            ByteBuffer frame = buf.nioBuffer(start + FrameFormat.LENGTH_FIELD_SIZE, (int) length);
            if (!deliver(ctx, frame.order(ByteOrder.BIG_ENDIAN))) {
                return;
            }
        }
    }

    private boolean deliver(ChannelHandlerContext ctx, ByteBuffer frame) {
        try {
            listener.onFrame(frame);
            return true;
        } catch (Throwable e) {
            // Caught here rather than left to the pipeline so that the cumulation is released in one place.
            LOG.warn("closing connection from {}: its frame listener failed", connection.remoteAddress(), e);
            stop(ctx, e);
            return false;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (discarding) {
            LOG.debug("connection from {} failed while closing", remote(ctx), cause);
            return;
        }
        if (cause instanceof IOException) {
            // A reset or broken pipe is the peer's doing; onClose reports it to the listener.
            LOG.debug("connection from {} failed", remote(ctx), cause);
        } else {
            LOG.warn("closing connection from {} after an unexpected error", remote(ctx), cause);
        }
        stop(ctx, cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (closeCause == null && cumulation != null && cumulation.isReadable()) {
            // An end of stream inside a frame is a truncation, not an orderly close.
            closeCause = new EOFException(prefaceSeen
                    ? "the peer closed the connection " + cumulation.readableBytes() + " bytes into a frame"
                    : "the peer closed the connection before the end of its preface");
        }
        discarding = true;
        releaseCumulation();
        if (connection != null) {
            connections.remove(connection);
            notifyClosed();
            connection.markClosed();
        }
        ctx.fireChannelInactive();
    }

    private void notifyClosed() {
        if (listener == null) {
            return;
        }
        try {
            listener.onClose(closeCause);
        } catch (Throwable e) {
            LOG.warn("frame listener of {} failed in onClose", connection.remoteAddress(), e);
        }
    }

    private void stop(ChannelHandlerContext ctx, Throwable cause) {
        discarding = true;
        if (closeCause == null) {
            closeCause = cause;
        }
        releaseCumulation();
        ctx.close();
    }

    private void releaseCumulation() {
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
    }

    private String remote(ChannelHandlerContext ctx) {
        return connection != null ? connection.remoteAddress() : TcpConnection.describe(ctx.channel().remoteAddress());
    }
}
