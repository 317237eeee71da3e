package dev.orrery.transport.shm;

import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.FrameListener;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of one connection, run by its own platform thread: drains the inbound ring, checks the
 * peer's preface and each frame's length, joins frames that came in several records, maps frames that came
 * in spill files, hands each frame to the listener, and waits with its {@link IdleStrategy} when there is
 * nothing to read.
 *
 * <p>The Unix socket of the set-up stays open for two reasons. It is the doorbell: a reader about to park
 * raises the ring's sleeping flag, looks at the ring once more, and blocks in {@code select} on the socket; a
 * sender that publishes and finds the flag raised writes one byte. And it is the peer's pulse: the kernel
 * closes it when the peer process dies, however it dies, and the reader sees end-of-stream at once while
 * parked, or within a millisecond while spinning. A peer that ends without a close record has died, and
 * the listener's {@code onClose} gets an {@link IOException}.
 *
 * <p>When it stops, it deletes the peer's spill files that it did not read. When it answers the peer's close,
 * it first gives the peer up to two seconds to read the spill files it wrote itself, which it deletes when
 * the connection is released ({@link SpillWriter}).
 *
 * <p>A caller waiting for a reply may read the ring in the reader thread's place ({@link #poll}): the two take
 * turns through the connection's receiving lock, and the reader thread steps aside, parked, while callers
 * poll, looking only at the socket for the peer's death.
 *
 * <p>Threads: the fields are owned by whoever holds the receiving lock, which is the reader thread but for
 * those polls; the flags that end the loop are volatile, since a poll may raise them.
 */
final class ShmReader implements Ring.RecordHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ShmReader.class);
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    /** Records handled between two looks at the close flag. */
    private static final int BATCH = 256;
    /** Idle loops between two looks at the clock while spinning. */
    private static final int CLOCK_EVERY = 64;
    /**
     * How often a spinning reader looks at the socket for the peer's death: a read on it is a system call,
     * which a reader looking every few microseconds would spend most of its time in.
     */
    private static final long SOCKET_POLL_NANOS = 1_000_000;
    /** A parked reader looks around this often even without a doorbell, as a safety net. */
    private static final long PARK_MILLIS = 1_000;
    /**
     * A reader asleep on a futex wakes this often to look at the socket, which only {@code select} would watch
     * while it sleeps: the peer's death is then noticed within this time.
     */
    private static final long FUTEX_PARK_MILLIS = 500;
    private static final MemorySegment FUTEX_PARK = Futex.timeout(Arena.global(), FUTEX_PARK_MILLIS);
    /** How long the reader thread sleeps at a time while callers read the ring in its place. */
    private static final long STEP_ASIDE_NANOS = 200_000;
    /** How long a closing connection waits for the peer's close record. */
    private static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final ShmConnection connection;
    private final Ring in;
    private final SpillReader spills;
    private final SocketChannel socket;
    private final Selector selector;
    private final IdleStrategy idle;
    private final int maxFrameSize;
    private final ByteBuffer socketBytes = ByteBuffer.allocate(64);
    /** Whether this reader sleeps on a futex rather than in {@code select} on the socket. */
    private final boolean futex;
    private FrameListener listener;
    private boolean prefaceSeen;
    /** A frame larger than one record, being joined; {@code null} between frames. */
    private ByteBuffer partial;
    private volatile boolean peerClosed;
    private boolean endOfStream;
    private boolean closeSent;
    private volatile boolean stopped;
    private long closeDeadline;
    private volatile Throwable closeCause;

    ShmReader(ShmConnection connection, Ring in, SpillReader spills, SocketChannel socket, Selector selector,
            IdleStrategy idle, int maxFrameSize, boolean futex) {
        this.futex = futex;
        this.connection = connection;
        this.in = in;
        this.spills = spills;
        this.socket = socket;
        this.selector = selector;
        this.idle = idle;
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * Reads until the connection ends, then reports the end to the listener and releases the connection.
     *
     * @param frames the listener of this connection's frames
     */
    void run(FrameListener frames) {
        this.listener = frames;
        connection.readerStarted(this);
        try {
            loop();
        } catch (ProtocolException e) {
            LOG.warn("closing connection {}: {}", connection.remoteAddress(), e.getMessage());
            stop(e);
        } catch (IOException | RuntimeException e) {
            LOG.warn("closing connection {} after an unexpected error", connection.remoteAddress(), e);
            stop(e);
        } finally {
            connection.terminate();
            deleteUnreadSpills();
            try {
                listener.onClose(closeCause);
            } catch (Throwable e) {
                LOG.warn("frame listener of {} failed in onClose", connection.remoteAddress(), e);
            }
            connection.release();
        }
    }

    private void loop() throws IOException {
        int idleLoops = 0;
        long socketPolled = System.nanoTime();
        while (!stopped) {
            boolean flushed = connection.flushBacklog();
            if (connection.polled() && !endOfStream && !peerClosed && !connection.closeRequested()) {
                // Callers waiting for replies read the ring themselves; spinning beside them would only take
                // their core. One that gives up waiting unparks this thread, to deliver its reply.
                LockSupport.parkNanos(this, STEP_ASIDE_NANOS);
                socketPolled = pollSocketEvery(socketPolled);
                idleLoops = 0;
                continue;
            }
            int work = read();
            if (stopped) {
                return;
            }
            if (peerClosed) {
                // The peer writes nothing more: answer its close if we can, and end.
                closeSent = closeSent || connection.tryWriteRecord(null);
                awaitSpillsRead();
                return;
            }
            if (connection.closeRequested() && !closeSent) {
                sendClose();
            }
            if (work > 0) {
                idleLoops = 0;
                continue;
            }
            if (endOfStream) {
                // The ring was empty after the end of the socket, so nothing the peer wrote is left unread.
                if (!closeSent) {
                    stop(new IOException("the peer " + connection.remoteAddress() + " went away"));
                }
                return;
            }
            if (closeSent && System.nanoTime() - closeDeadline > 0) {
                LOG.debug("connection {}: no close from the peer in time; closing anyway", connection.remoteAddress());
                return;
            }
            if (idleLoops < idle.spins()) {
                idleLoops++;
                Thread.onSpinWait();
                if ((idleLoops & (CLOCK_EVERY - 1)) == 0) {
                    socketPolled = pollSocketEvery(socketPolled);
                }
            } else if (idleLoops < idle.spins() + idle.yields() || connection.closeRequested() && !closeSent
                    || !flushed) {
                idleLoops++;
                Thread.yield();
            } else {
                park();
            }
        }
    }

    /** The reader thread's turn at the ring; none when a caller is reading it. */
    private int read() throws ProtocolException {
        ReentrantLock receiving = connection.receiving();
        if (!in.mayHaveRecords() || !receiving.tryLock()) {
            return 0;
        }
        try {
            return in.read(this, BATCH);
        } finally {
            receiving.unlock();
        }
    }

    /**
     * A caller's turn at the ring, while it waits for a reply: delivers what has arrived to the listener on
     * the caller's thread. Does nothing while another thread reads, or once the connection is ending, which
     * the reader thread then finishes.
     *
     * @return how many records were read
     */
    int poll() {
        ReentrantLock receiving = connection.receiving();
        // Never from inside a read of this ring, such as a listener that waits for a reply on its own thread:
        // the read under way owns the ring's position.
        if (!mayHaveRecords() || receiving.isHeldByCurrentThread() || !receiving.tryLock()) {
            return 0;
        }
        try {
            // Checked under the lock: the connection unmaps the ring under it too.
            if (stopped || peerClosed || connection.ended()) {
                return 0;
            }
            return in.read(this, BATCH);
        } catch (ProtocolException e) {
            LOG.warn("closing connection {}: {}", connection.remoteAddress(), e.getMessage());
            stop(e);
            return 0;
        } finally {
            receiving.unlock();
            if (stopped || peerClosed) {
                connection.wakeReader();
            }
        }
    }

    /** A caller's look at the ring before taking the lock; none once the connection has ended and unmapped it. */
    private boolean mayHaveRecords() {
        if (connection.ended()) {
            return false;
        }
        try {
            return in.mayHaveRecords();
        } catch (IllegalStateException e) {
            // Unmapped between the look at the flag and this one: the connection has just ended.
            return false;
        }
    }

    private void sendClose() {
        if (connection.tryWriteRecord(null)) {
            closeSent = true;
            closeDeadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
        }
    }

    /**
     * After the peer's close: it still reads what we wrote before our answer, spill files included, which
     * must not be deleted under it. Waits until it has read them, has gone, or has taken too long.
     */
    private void awaitSpillsRead() throws IOException {
        long deadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
        while (!endOfStream && connection.spillsUnread() && System.nanoTime() - deadline < 0) {
            selector.select(1);
            selector.selectedKeys().clear();
            pollSocket();
        }
    }

    private void deleteUnreadSpills() {
        try {
            int deleted = spills.deleteLeftovers();
            if (deleted > 0) {
                LOG.debug("connection {}: deleted {} spill files it did not read", connection.remoteAddress(),
                        deleted);
            }
        } catch (IOException e) {
            LOG.warn("connection {}: cannot delete the spill files it did not read; the next listen on its "
                    + "endpoint removes them", connection.remoteAddress(), e);
        }
    }

    private void park() throws IOException {
        in.sleeping(true);
        if (in.hasRecords() || connection.closeRequested()) {
            in.sleeping(false);
            return;
        }
        if (futex) {
            // Sleeps while the flag is still raised: a producer that publishes lowers it and wakes us.
            Futex.await(in.sleepingWord(), 1, FUTEX_PARK);
        } else {
            selector.select(PARK_MILLIS);
            selector.selectedKeys().clear();
        }
        in.sleeping(false);
        pollSocket();
    }

    /** Any thread: wakes this reader when it sleeps on a futex, so that it sees a close request. */
    void wakeUp() {
        if (!futex || connection.ended()) {
            return;
        }
        try {
            in.sleeping(false);
            Futex.wake(in.sleepingWord());
        } catch (IllegalStateException e) {
            // The ring was unmapped since the look above: the reader has ended, and there is no one to wake.
            LOG.debug("connection {}: ended before its reader could be woken", connection.remoteAddress());
        }
    }

    /**
     * Looks at the socket when the last look is {@link #SOCKET_POLL_NANOS} old.
     *
     * @param last when it last looked
     * @return when it last looked now
     */
    private long pollSocketEvery(long last) {
        long now = System.nanoTime();
        if (now - last < SOCKET_POLL_NANOS) {
            return last;
        }
        pollSocket();
        return now;
    }

    /** Reads doorbell bytes, which mean nothing in themselves, and notes the end of the stream. */
    private void pollSocket() {
        try {
            int read;
            do {
                socketBytes.clear();
                read = socket.read(socketBytes);
            } while (read > 0);
            endOfStream |= read < 0;
        } catch (IOException e) {
            LOG.debug("connection {}: its socket failed", connection.remoteAddress(), e);
            endOfStream = true;
        }
    }

    @Override
    public boolean onRecord(ByteBuffer body) {
        if (!prefaceSeen) {
            return checkPreface(body);
        }
        if (partial != null) {
            return continueFrame(body);
        }
        if (body.remaining() < FrameFormat.LENGTH_FIELD_SIZE) {
            return refuse("a record of " + body.remaining() + " bytes is shorter than a frame's length prefix");
        }
        long length = Integer.toUnsignedLong(body.getInt(body.position()));
        String refusal = FrameFormat.checkLength(length, maxFrameSize);
        if (refusal != null) {
            return refuse(refusal);
        }
        int rest = body.remaining() - FrameFormat.LENGTH_FIELD_SIZE;
        if (rest > length) {
            return refuse("a record holds " + rest + " bytes for a frame of " + length);
        }
        body.position(body.position() + FrameFormat.LENGTH_FIELD_SIZE);
        if (rest == length) {
            return deliver(body);
        }
        // The length was checked against the limit above, so this allocation is bounded by it.
        partial = ByteBuffer.allocate((int) length);
        partial.put(body);
        return true;
    }

    private boolean continueFrame(ByteBuffer body) {
        if (body.remaining() > partial.remaining()) {
            return refuse("a record of " + body.remaining() + " bytes overruns a frame that lacks only "
                    + partial.remaining());
        }
        partial.put(body);
        if (partial.hasRemaining()) {
            return true;
        }
        ByteBuffer frame = partial.flip();
        partial = null;
        return deliver(frame);
    }

    private boolean checkPreface(ByteBuffer body) {
        byte[] first = new byte[Math.min(body.remaining(), FrameFormat.PREFACE_LENGTH)];
        body.get(body.position(), first);
        if (body.remaining() == FrameFormat.PREFACE_LENGTH && FrameFormat.isPreface(first, 0)) {
            prefaceSeen = true;
            return true;
        }
        return refuse("not an Orrery peer (first bytes: " + HEX.formatHex(first) + ")");
    }

    private boolean deliver(ByteBuffer frame) {
        try {
            listener.onFrame(frame);
            return true;
        } catch (Throwable e) {
            LOG.warn("closing connection {}: its frame listener failed", connection.remoteAddress(), e);
            stop(e);
            return false;
        }
    }

    private boolean refuse(String reason) {
        LOG.warn("closing connection {}: {}", connection.remoteAddress(), reason);
        stop(new ProtocolException(reason));
        return false;
    }

    private void stop(Throwable cause) {
        stopped = true;
        if (closeCause == null) {
            closeCause = cause;
        }
    }

    @Override
    public boolean onSpillRecord(long fileLength, ByteBuffer name) {
        if (!prefaceSeen || partial != null) {
            return refuse(prefaceSeen ? "a spill record came while a frame was being joined"
                    : "not an Orrery peer (a spill record came before the preface)");
        }
        String refusal = FrameFormat.checkLength(fileLength - FrameFormat.LENGTH_FIELD_SIZE, maxFrameSize);
        if (refusal != null) {
            return refuse(refusal);
        }
        try (SpillReader.Mapped spilled = spills.open(name, fileLength)) {
            return deliver(spilled.frame());
        } catch (ProtocolException e) {
            return refuse(e.getMessage());
        } catch (IOException e) {
            LOG.warn("closing connection {}: {}", connection.remoteAddress(), e.getMessage());
            stop(e);
            return false;
        }
    }

    @Override
    public void onCloseRecord() {
        peerClosed = true;
    }
}
