package dev.orrery.transport.shm;

import dev.orrery.transport.Connection;
import dev.orrery.transport.OutboundFrame;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of one shared-memory connection, and the resources both sides of it share.
 *
 * <p>{@link #send} encodes a frame straight into the outbound ring on the caller's thread: there is no queue
 * and no I/O thread between the caller and the peer. Senders take turns through a lock, because the ring has
 * one producer. A frame no larger than a quarter of the ring is one record; a larger one is encoded into a
 * heap buffer and copied into several records, which the peer joins again; and one larger than the spill
 * threshold (by default the ring's capacity) is written to a file of its own, which one small record names
 * ({@link SpillWriter}). Encoding and spilling happen before the lock is taken. When the ring is full a sender
 * waits, spinning and then parking for up to a millisecond at a time: the peer frees space as fast as it
 * reads, and the channel's slot windows bound how far a sender can run ahead, so the wait ends unless the
 * peer is dead, in which case the reader thread notices it and the sender returns {@code false}. The reader
 * thread itself never waits to send (see {@link #sendFromReader}).
 *
 * <p>Threads: the ring's producer state ({@link RecordWriter}) is owned by whoever holds {@link #sending};
 * the socket and selector by the reader thread ({@link ShmReader}), except for doorbell writes, which senders
 * make under the lock.
 */
final class ShmConnection implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(ShmConnection.class);
    /** The longest a virtual thread reads the ring while it waits for a reply. */
    static final long VIRTUAL_POLL_NANOS = 50_000;
    /** Idle loops of a polling caller between two looks at the clock. */
    private static final int POLL_CHECK_MASK = 63;

    private final String remoteAddress;
    private final RecordWriter writer;
    private final Arena arena;
    private final SocketChannel socket;
    private final Selector selector;
    private final ReentrantLock sending = new ReentrantLock();
    /** Held by whoever reads the inbound ring: the reader thread, or a caller waiting for a reply. */
    private final ReentrantLock receiving = new ReentrantLock();
    /** Callers reading the inbound ring in {@link #awaitInbound} now. */
    private final AtomicInteger pollers = new AtomicInteger();
    private final IdleStrategy idle;
    /** Frames of the reader thread that did not fit when it sent them; the head may be part-written. */
    private final Queue<RecordWriter.Pending> backlog = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private volatile boolean terminated;
    /** The thread of this connection's {@link ShmReader}, which must never wait to send. */
    private volatile Thread reader;
    /** The reader, once it runs; callers read the ring through it. */
    private volatile ShmReader inbound;

    /**
     * @param remoteAddress the peer, for logs and {@link #remoteAddress()}
     * @param out           the ring this side produces into
     * @param spills        the spill files this side writes
     * @param arena         owns the segment's mapping
     * @param socket        the set-up socket: doorbell and pulse
     * @param selector      the reader's selector on it
     * @param idle          how this side waits, which tells how long a caller reads the ring itself
     * @param futex         whether the doorbell is a futex on the peer's sleeping flag rather than the socket
     */
    ShmConnection(String remoteAddress, Ring out, SpillWriter spills, Arena arena, SocketChannel socket,
            Selector selector, IdleStrategy idle, boolean futex) {
        this.remoteAddress = remoteAddress;
        this.writer = new RecordWriter(remoteAddress, out, spills, socket, () -> terminated, futex);
        this.arena = arena;
        this.socket = socket;
        this.selector = selector;
        this.idle = idle;
    }

    @Override
    public boolean send(OutboundFrame frame) {
        if (closeRequested.get()) {
            return false;
        }
        int length = frame.encodedLength();
        if (Thread.currentThread() == reader || receiving.isHeldByCurrentThread()) {
            return sendFromReader(frame, length);
        }
        RecordWriter.Pending large = writer.prepare(frame, length);
        sending.lock();
        try {
            // Checked again under the lock: the close record, written under it too, must come last. A spill
            // file written for nothing is deleted when the connection is released.
            if (closeRequested.get() || terminated) {
                return false;
            }
            // The reader's frames that did not fit go first: frames leave in the order they were sent.
            if (!writeBacklog(true)) {
                return false;
            }
            return large == null ? writer.writeWhole(frame, length, true) : writer.write(large, true);
        } finally {
            sending.unlock();
        }
    }

    /**
     * The reader thread's send, from inside its listener (a reply to a ping, the next queued call, credit): it
     * never waits, neither for space nor for the lock. Two readers each waiting for space in a ring that only
     * the other drains would wait forever, so a frame that cannot be written at once joins the backlog, which
     * the reader writes out as space frees up and which every sender writes out before its own frame. A spill
     * file is written on this thread too: that is work on a file in memory, not a wait for the peer.
     */
    private boolean sendFromReader(OutboundFrame frame, int length) {
        RecordWriter.Pending large = writer.prepare(frame, length);
        if (sending.tryLock()) {
            try {
                if (closeRequested.get() || terminated) {
                    return false;
                }
                if (large != null) {
                    backlog.add(large);
                    writeBacklog(false);
                    return true;
                }
                if (writeBacklog(false) && writer.writeWhole(frame, length, false)) {
                    return true;
                }
            } finally {
                sending.unlock();
            }
        }
        backlog.add(large != null ? large : RecordWriter.chunked(frame, length));
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
        RecordWriter.Pending next;
        while ((next = backlog.peek()) != null) {
            if (!writer.write(next, wait)) {
                return false;
            }
            backlog.poll();
        }
        return true;
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
            return writeBacklog(false) && writer.tryWriteRecord(body);
        } finally {
            sending.unlock();
        }
    }

    @Override
    public void close() {
        if (closeRequested.compareAndSet(false, true)) {
            // The reader thread writes the close record: it can wait for space while still reading.
            selector.wakeup();
            ShmReader ring = inbound;
            if (ring != null) {
                ring.wakeUp();
            }
        }
    }

    /** @return whether {@link #close()} was called or the reader decided to close */
    boolean closeRequested() {
        return closeRequested.get();
    }

    /**
     * Reads the inbound ring on the caller's thread while it waits for a reply, for as long as the idle strategy
     * allows ({@link IdleStrategy#pollNanos()}) and at most until the deadline; the reader thread steps aside
     * meanwhile. With {@code busy-spin} a platform thread spins until its reply comes, which costs a core and
     * saves the two thread hand-overs of a reply that the reader thread would deliver.
     *
     * <p>A virtual thread polls only when no other caller does, and for {@value #VIRTUAL_POLL_NANOS} ns at
     * most: a spinning virtual thread holds its carrier, and the virtual threads that would run next, such as
     * the handlers of a server in the same process, may be the very ones its reply waits for. The others park
     * at once, and the one that polls delivers their replies too.
     */
    @Override
    public void awaitInbound(BooleanSupplier done, BooleanSupplier othersWaiting, long deadlineNanos) {
        ShmReader ring = inbound;
        if (ring == null || idle.pollNanos() <= 0 || terminated) {
            return;
        }
        boolean virtual = Thread.currentThread().isVirtual();
        if (virtual && pollers.get() > 0) {
            return;
        }
        long budget = virtual ? VIRTUAL_POLL_NANOS : idle.pollNanos();
        pollers.incrementAndGet();
        try {
            // The clock is first read after some idle loops: a reply that comes sooner costs no reading of it.
            long start = 0;
            boolean timing = false;
            int idleLoops = 0;
            while (!done.getAsBoolean() && !terminated) {
                if (ring.poll() > 0) {
                    idleLoops = 0;
                    continue;
                }
                if ((++idleLoops & POLL_CHECK_MASK) == 0) {
                    long now = System.nanoTime();
                    if (!timing) {
                        timing = true;
                        start = now;
                        budget = Math.min(budget, Math.max(0, deadlineNanos - now));
                    } else if (now - start >= budget) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        } finally {
            // The reader thread, stepped aside, is woken when someone still needs it: this caller, when it stops
            // without its reply, or others waiting for theirs. A lone caller that got its reply leaves it asleep,
            // so that between two calls it does not spin beside the caller.
            if (pollers.decrementAndGet() == 0 && (!done.getAsBoolean() || othersWaiting.getAsBoolean())) {
                wakeReader();
            }
        }
    }

    /** @return whether callers read the inbound ring now, so that the reader thread steps aside */
    boolean polled() {
        return pollers.get() > 0;
    }

    /** @return the lock of whoever reads the inbound ring */
    ReentrantLock receiving() {
        return receiving;
    }

    /** Wakes the reader thread when it stepped aside for callers. */
    void wakeReader() {
        Thread thread = reader;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Reader thread, first of all: makes itself known, so that its sends never wait, and lets callers read
     * the ring through it.
     *
     * @param ring the reader
     */
    void readerStarted(ShmReader ring) {
        reader = Thread.currentThread();
        inbound = ring;
    }

    /**
     * Reader thread, before {@link #release()}: whether the peer has not read some spill file of ours yet.
     *
     * @return true while a published spill record lies beyond the peer's consumer position
     */
    boolean spillsUnread() {
        return writer.spillsUnread();
    }

    /** @return whether the connection has ended: nothing is sent or read any more */
    boolean ended() {
        return terminated;
    }

    /** Reader thread: the connection is ending; senders stop. */
    void terminate() {
        closeRequested.set(true);
        terminated = true;
    }

    /** Reader thread, after the listener's {@code onClose}: deletes unread spill files, unmaps, closes the socket. */
    void release() {
        // A sender waiting for space sees the flag and leaves within a millisecond; one still writing into
        // the ring, or a caller still reading it, finishes first, since unmapping under its feet would fail
        // its thread.
        sending.lock();
        receiving.lock();
        try {
            writer.close();
            arena.close();
        } finally {
            receiving.unlock();
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
