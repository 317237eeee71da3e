package dev.orrery.transport.shm;

import dev.orrery.transport.OutboundFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer side of a connection's outbound ring: writes a frame as one record, as several records that
 * the peer joins again, or as a spill record naming a file; waits for space when asked to; rings the peer's
 * doorbell when its reader sleeps.
 *
 * <p>Threads: except for {@link #prepare}, which any sender calls before taking the lock, every method is
 * for the holder of the connection's sending lock, which owns the ring's producer state.
 */
final class RecordWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RecordWriter.class);
    private static final int SPINS = 200;
    private static final int YIELDS = 20;
    private static final long MAX_PARK_NANOS = 1_000_000;

    private final String remoteAddress;
    private final Ring out;
    private final SpillWriter spills;
    private final SocketChannel socket;
    private final BooleanSupplier ended;
    private final ByteBuffer doorbell = ByteBuffer.allocate(1);
    private final boolean futex;

    /**
     * @param remoteAddress the peer, for logs
     * @param out           the ring this side produces into
     * @param spills        the spill files of this side
     * @param socket        the doorbell
     * @param ended         whether the connection has ended, when a wait for space must stop
     * @param futex         whether to wake the peer with a futex on its sleeping flag rather than the socket
     */
    RecordWriter(String remoteAddress, Ring out, SpillWriter spills, SocketChannel socket, BooleanSupplier ended,
            boolean futex) {
        this.futex = futex;
        this.remoteAddress = remoteAddress;
        this.out = out;
        this.spills = spills;
        this.socket = socket;
        this.ended = ended;
    }

    /**
     * Any thread, before taking the lock: encodes a frame that does not go straight into one record, into a
     * spill file above the threshold, otherwise, or when the file cannot be written, into a buffer to be
     * written in chunks.
     *
     * @param frame  the frame
     * @param length its encoded length
     * @return {@code null} for a frame that fits one record
     */
    Pending prepare(OutboundFrame frame, int length) {
        boolean spill = spills.spills(length);
        if (!spill && length <= out.maxBody()) {
            return null;
        }
        ByteBuffer encoded = encode(frame, length);
        Pending file = spill ? spills.write(encoded) : null;
        return file != null ? file : new Chunked(encoded);
    }

    /**
     * Encodes a frame to be written in chunks later.
     *
     * @param frame  the frame
     * @param length its encoded length
     * @return the frame's bytes
     */
    static Chunked chunked(OutboundFrame frame, int length) {
        return new Chunked(encode(frame, length));
    }

    /**
     * Writes a frame as one record.
     *
     * @param frame  the frame
     * @param length its encoded length, at most {@link Ring#maxBody()}
     * @param wait   whether to wait for space
     * @return whether it was written; false when the ring is full and {@code wait} is false, or the connection
     *         ended
     */
    boolean writeWhole(OutboundFrame frame, int length, boolean wait) {
        int index = claim(length, wait);
        if (index < 0) {
            return false;
        }
        ByteBuffer target = out.body(index, length);
        frame.writeTo(target);
        checkWritten(frame, target.position() - index, length);
        out.commit(length);
        wakePeer();
        return true;
    }

    /**
     * Writes a prepared frame, or what is left of it.
     *
     * @param pending what {@link #prepare} returned, or a chunked frame of which some records are written
     * @param wait    whether to wait for space
     * @return whether all of it was written; false when the ring is full and {@code wait} is false, or when the
     *         connection ended, in which case what the peer got of the frame dies with it
     */
    boolean write(Pending pending, boolean wait) {
        return switch (pending) {
            case Chunked chunked -> writeChunks(chunked.bytes(), wait);
            case SpillWriter.Spill spill -> writeSpillRecord(spill, wait);
        };
    }

    /**
     * Writes a record without waiting for space.
     *
     * @param body the record's bytes, or {@code null} for the close record
     * @return whether it was written
     */
    boolean tryWriteRecord(byte[] body) {
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
    }

    /** @return whether the peer has not read some spill file of ours yet; while the ring is mapped */
    boolean spillsUnread() {
        return spills.unread(out.consumed());
    }

    /** The connection has ended, and the ring is still mapped: deletes the spill files the peer did not read. */
    void close() {
        spills.close(out.consumed());
    }

    /**
     * Writes an encoded frame's remaining bytes as records of at most {@link Ring#maxBody()}, which the peer
     * joins again. Without waiting, it may stop part-way: the buffer's position tells how far it got, and the
     * rest must follow before any other frame.
     */
    private boolean writeChunks(ByteBuffer whole, boolean wait) {
        while (whole.hasRemaining()) {
            int chunk = Math.min(whole.remaining(), out.maxBody());
            int index = claim(chunk, wait);
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

    /** Publishes the record that names a spill file; a file left unpublished is deleted with the connection. */
    private boolean writeSpillRecord(SpillWriter.Spill spill, boolean wait) {
        byte[] name = spill.name();
        int index = claim(Ring.spillBody(name.length), wait);
        if (index < 0) {
            return false;
        }
        out.commitSpill(spill.length(), name);
        spills.published(spill, out.position(), out.consumed());
        wakePeer();
        return true;
    }

    private static ByteBuffer encode(OutboundFrame frame, int length) {
        ByteBuffer whole = ByteBuffer.allocate(length);
        frame.writeTo(whole);
        checkWritten(frame, whole.position(), length);
        return whole.flip();
    }

    private static void checkWritten(OutboundFrame frame, int written, int length) {
        if (written != length) {
            throw new IllegalStateException("frame " + frame + " wrote " + written
                    + " bytes but its encodedLength() is " + length);
        }
    }

    /** Claims space for a record, waiting for it if asked to; -1 when there is none, or the connection ended. */
    private int claim(int length, boolean wait) {
        int index = out.tryClaim(length);
        for (int attempt = 0; index < 0 && wait; attempt++) {
            if (ended.getAsBoolean()) {
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

    /** Rings the peer's doorbell when its reader has gone to sleep. */
    private void wakePeer() {
        if (!out.consumerNeedsWaking()) {
            return;
        }
        if (futex) {
            Futex.wake(out.sleepingWord());
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

    /** A frame prepared for writing: encoded bytes to write in chunks, or a spill file to name. */
    sealed interface Pending permits Chunked, SpillWriter.Spill {
    }

    /**
     * An encoded frame written in chunks.
     *
     * @param bytes the frame with its length prefix; its position tells how much of it the ring has taken
     */
    record Chunked(ByteBuffer bytes) implements Pending {
    }
}
