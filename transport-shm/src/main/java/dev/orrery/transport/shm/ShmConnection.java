package dev.orrery.transport.shm;

import dev.orrery.transport.Connection;
import dev.orrery.transport.OutboundFrame;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of one shared-memory connection, and the resources both sides of it share.
 *
 * <p>{@link #send} encodes a frame straight into the outbound ring on the caller's thread: there is no queue
 * and no I/O thread between the caller and the peer. Senders take turns through a lock, because the ring has
 * one producer. A frame no larger than a quarter of the ring is one record; a larger one is encoded into a
 * heap buffer and copied into several records, which the peer joins again. When the ring is full a sender
 * waits, spinning and then parking for up to a millisecond at a time: the peer frees space as fast as it
 * reads, and the channel's slot windows bound how far a sender can run ahead, so the wait ends unless the
 * peer is dead, in which case the reader thread notices it and the sender returns {@code false}. The reader
 * thread itself never waits to send (see {@link #sendFromReader}).
 *
 * <p>Threads: the ring's producer state is owned by whoever holds {@link #sending}; the socket and selector
 * by the reader thread ({@link ShmReader}), except for doorbell writes, which senders make under the lock.
 */
final class ShmConnection implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(ShmConnection.class);
    private static final int SPINS = 200;
    private static final int YIELDS = 20;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private final String remoteAddress;
    private final Ring out;
    private final Arena arena;
    private final SocketChannel socket;
    private final Selector selector;
    private final ReentrantLock sending = new ReentrantLock();
    /** Encoded frames of the reader thread that did not fit when it sent them; the head may be part-written. */
    private final Queue<ByteBuffer> backlog = new ConcurrentLinkedQueue<>();
    private final ByteBuffer doorbell = ByteBuffer.allocate(1);
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private volatile boolean terminated;
    /** The thread of this connection's {@link ShmReader}, which must never wait to send. */
    private volatile Thread reader;

    ShmConnection(String remoteAddress, Ring out, Arena arena, SocketChannel socket, Selector selector) {
        this.remoteAddress = remoteAddress;
        this.out = out;
        this.arena = arena;
        this.socket = socket;
        this.selector = selector;
    }

    @Override
    public boolean send(OutboundFrame frame) {
        if (closeRequested.get()) {
            return false;
        }
        int length = frame.encodedLength();
        if (Thread.currentThread() == reader) {
            return sendFromReader(frame, length);
        }
        sending.lock();
        try {
            // Checked again under the lock: the close record, written under it too, must come last.
            if (closeRequested.get() || terminated) {
                return false;
            }
            // The reader's frames that did not fit go first: frames leave in the order they were sent.
            if (!writeBacklog(true)) {
                return false;
            }
            return length <= out.maxBody() ? sendWhole(frame, length) : writeChunks(encode(frame, length), true);
        } finally {
            sending.unlock();
        }
    }

    /**
     * The reader thread's send, from inside its listener (a reply to a ping, the next queued call, credit): it
     * never waits, neither for space nor for the lock. Two readers each waiting for space in a ring that only
     * the other drains would wait forever, so a frame that cannot be written at once joins the backlog, which
     * the reader writes out as space frees up and which every sender writes out before its own frame.
     */
    private boolean sendFromReader(OutboundFrame frame, int length) {
        if (sending.tryLock()) {
            try {
                if (closeRequested.get() || terminated) {
                    return false;
                }
                if (writeBacklog(false) && length <= out.maxBody()) {
                    int index = out.tryClaim(length);
                    if (index >= 0) {
                        writeWhole(frame, index, length);
                        return true;
                    }
                }
            } finally {
                sending.unlock();
            }
        }
        backlog.add(encode(frame, length));
        return true;
    }

    /**
     * Reader thread: writes out as much of the backlog as fits now, without waiting.
     *
     * @return whether the backlog is empty
     */
    boolean flushBacklog() {
        if (backlog.isEmpty()) {
            return true;
        }
        if (!sending.tryLock()) {
            return false;
        }
        try {
            return !terminated && writeBacklog(false);
        } finally {
            sending.unlock();
        }
    }

    /** Lock holder only: writes the backlog in order; returns whether it is now empty. */
    private boolean writeBacklog(boolean wait) {
        ByteBuffer next;
        while ((next = backlog.peek()) != null) {
            if (!writeChunks(next, wait)) {
                return false;
            }
            backlog.poll();
        }
        return true;
    }

    private boolean sendWhole(OutboundFrame frame, int length) {
        int index = claim(length);
        if (index < 0) {
            return false;
        }
        writeWhole(frame, index, length);
        return true;
    }

    private void writeWhole(OutboundFrame frame, int index, int length) {
        ByteBuffer target = out.body(index, length);
        frame.writeTo(target);
        checkWritten(frame, target, length);
        out.commit(length);
        wakePeer();
    }

    private static ByteBuffer encode(OutboundFrame frame, int length) {
        ByteBuffer whole = ByteBuffer.allocate(length);
        frame.writeTo(whole);
        checkWritten(frame, whole, length);
        return whole.flip();
    }

    /**
     * Lock holder only: writes an encoded frame's remaining bytes as records of at most {@link Ring#maxBody()},
     * which the peer joins again. Without waiting, it may stop part-way: the buffer's position tells how far it
     * got, and the rest must follow before any other frame.
     *
     * @return whether all of it was written; false when the ring is full and {@code wait} is false, or when the
     *         connection ended, in which case what the peer got of the frame dies with it
     */
    private boolean writeChunks(ByteBuffer whole, boolean wait) {
        while (whole.hasRemaining()) {
            int chunk = Math.min(whole.remaining(), out.maxBody());
            int index = wait ? claim(chunk) : out.tryClaim(chunk);
            if (index < 0) {
                return false;
            }
            out.body(index, chunk).put(whole.slice(whole.position(), chunk));
            whole.position(whole.position() + chunk);
            out.commit(chunk);
            wakePeer();
        }
        return true;
    }

    private static void checkWritten(OutboundFrame frame, ByteBuffer target, int length) {
        if (target.position() != length) {
            throw new IllegalStateException("frame " + frame + " wrote " + target.position()
                    + " bytes but its encodedLength() is " + length);
        }
    }

    /** Waits for space; returns -1 once the connection has ended. Lock holder only. */
    private int claim(int length) {
        int index = out.tryClaim(length);
        for (int attempt = 0; index < 0; attempt++) {
            if (terminated) {
                return -1;
            }
            if (attempt < SPINS) {
                Thread.onSpinWait();
            } else if (attempt < SPINS + YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, 1_000L << Math.min(attempt - SPINS - YIELDS, 10)));
            }
            index = out.tryClaim(length);
        }
        return index;
    }

    /** Lock holder only: rings the peer's doorbell when its reader has gone to sleep. */
    private void wakePeer() {
        if (!out.consumerNeedsWaking()) {
            return;
        }
        try {
            doorbell.clear();
            // One byte into an almost empty socket buffer: a non-blocking write that does not fail to fit.
            socket.write(doorbell);
        } catch (IOException e) {
            // The socket is gone, which the reader thread reports as the end of the connection.
            LOG.debug("connection {}: doorbell not rung", remoteAddress, e);
        }
    }

    /**
     * Reader thread, before the connection is handed out, or while closing: writes a record without waiting
     * for space or for the lock.
     *
     * @param body  the record's bytes, or {@code null} for the close record
     * @return whether it was written
     */
    boolean tryWriteRecord(byte[] body) {
        if (!sending.tryLock()) {
            return false;
        }
        try {
            // The close record comes after every frame the reader sent.
            if (!writeBacklog(false)) {
                return false;
            }
            int length = body == null ? 0 : body.length;
            int index = out.tryClaim(length);
            if (index < 0) {
                return false;
            }
            if (body != null) {
                out.body(index, length).put(body);
            }
            out.commit(body == null ? Ring.CLOSE : length);
            wakePeer();
            return true;
        } finally {
            sending.unlock();
        }
    }

    @Override
    public void close() {
        if (closeRequested.compareAndSet(false, true)) {
            // The reader thread writes the close record: it can wait for space while still reading.
            selector.wakeup();
        }
    }

    /** @return whether {@link #close()} was called or the reader decided to close */
    boolean closeRequested() {
        return closeRequested.get();
    }

    /** Reader thread, first of all: makes itself known, so that its sends never wait. */
    void readerStarted() {
        reader = Thread.currentThread();
    }

    /** Reader thread: the connection is ending; senders stop. */
    void terminate() {
        closeRequested.set(true);
        terminated = true;
    }

    /** Reader thread, after the listener's {@code onClose}: unmaps and closes the socket. */
    void release() {
        // A sender waiting for space sees the flag and leaves within a millisecond; one still writing into
        // the ring finishes first, since unmapping under its feet would fail its thread.
        sending.lock();
        try {
            arena.close();
        } finally {
            sending.unlock();
        }
        try {
            selector.close();
            socket.close();
        } catch (IOException e) {
            LOG.debug("connection {}: closing its socket failed", remoteAddress, e);
        }
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
        return !closeRequested.get();
    }

    @Override
    public String toString() {
        return "ShmConnection[" + remoteAddress + (isOpen() ? "" : ", closed") + "]";
    }
}
