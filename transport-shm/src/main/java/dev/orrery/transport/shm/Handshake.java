package dev.orrery.transport.shm;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The set-up of a connection over its Unix socket, before any frame flows.
 *
 * <pre>
 * server → client: int magic "OSHM", int version 2, int ring capacity, int features, int n,
 *                  n bytes: the segment's path (UTF-8)
 * client → server: byte 1 (mapped), byte features, long the client's pid
 * </pre>
 *
 * Features are bits; {@link #FUTEX} says that this side can sleep on, and wake, a ring's sleeping flag with a
 * futex. A connection whose two sides both can uses futexes as its doorbell, the Unix socket otherwise.
 *
 * The client deletes the segment's file as soon as it has mapped it, and the server deletes it once the
 * client has answered or the set-up has failed: the file exists only between its creation and the client's
 * mapping, and a connection that a caller holds never has a file that a crash could leak. Integers are
 * big-endian. The socket is non-blocking and registered for reading with {@code selector}, which the set-up
 * uses to wait with a deadline.
 */
final class Handshake {

    private static final int MAGIC = 0x4F53484D;
    private static final int VERSION = 2;
    /** The feature bit of a side that can use futexes. */
    static final int FUTEX = 1;
    private static final byte MAPPED = 1;
    private static final int MAX_PATH_BYTES = 4096;
    private static final int MAX_CAPACITY = 1 << 30;
    /** Numbers the segments of this process; a PID and this number name a file no other process can want. */
    private static final AtomicLong SEGMENTS = new AtomicLong();

    private Handshake() {
    }

    /**
     * Server side: creates and maps the segment, tells the client where it is, waits until it is mapped.
     *
     * @param features this side's feature bits
     * @return the mapping, the client's pid and the features both sides have
     */
    static Accepted serve(SocketChannel socket, Selector selector, ShmFiles files, String name, int capacity,
            int features, long deadline) throws IOException {
        Path path = files.segment(name, ProcessHandle.current().pid(), SEGMENTS.incrementAndGet());
        Segment segment = Segment.create(path, capacity);
        try {
            byte[] where = path.toString().getBytes(StandardCharsets.UTF_8);
            ByteBuffer offer = ByteBuffer.allocate(5 * Integer.BYTES + where.length)
                    .putInt(MAGIC).putInt(VERSION).putInt(capacity).putInt(features).putInt(where.length).put(where)
                    .flip();
            writeFully(socket, offer, deadline);
            ByteBuffer answer = readFully(socket, selector, 2 + Long.BYTES, deadline);
            if (answer.get() != MAPPED) {
                throw new ProtocolException("the client's set-up answer is not 'mapped'");
            }
            int agreed = features & answer.get();
            return new Accepted(segment, answer.getLong(), agreed);
        } catch (IOException | RuntimeException e) {
            segment.arena().close();
            throw e;
        } finally {
            Files.deleteIfExists(path);
        }
    }

    /**
     * Client side: reads where the segment is, maps it, tells the server.
     *
     * @param name     the endpoint's name, which the segment's file name must carry
     * @param features this side's feature bits
     * @return the mapping and the features both sides have
     */
    static Joined join(SocketChannel socket, Selector selector, String name, int features, long deadline)
            throws IOException {
        ByteBuffer offer = readFully(socket, selector, 5 * Integer.BYTES, deadline);
        int magic = offer.getInt();
        int version = offer.getInt();
        int capacity = offer.getInt();
        int agreed = features & offer.getInt();
        int pathBytes = offer.getInt();
        if (magic != MAGIC || version != VERSION) {
            throw new ProtocolException(String.format(
                    "not an Orrery shared-memory server: set-up starts %08x, version %d", magic, version));
        }
        if (Integer.bitCount(capacity) != 1 || capacity > MAX_CAPACITY || pathBytes <= 0
                || pathBytes > MAX_PATH_BYTES) {
            throw new ProtocolException("invalid set-up: ring capacity " + capacity + ", path of " + pathBytes
                    + " bytes");
        }
        Path path = Path.of(new String(readFully(socket, selector, pathBytes, deadline).array(),
                StandardCharsets.UTF_8));
        String file = path.getFileName().toString();
        // The server chooses the path: do not let it make us map and write some other file of ours, nor name
        // spill files that are not this connection's.
        if (!ShmFiles.isSegmentOf(name, file)) {
            throw new ProtocolException("the server offered " + path + ", which is not an Orrery segment");
        }
        Segment segment = Segment.map(path, capacity, false);
        try {
            // The server deletes it too once we answer, but it may die first: whoever maps last unlinks.
            Files.deleteIfExists(path);
            ByteBuffer answer = ByteBuffer.allocate(2 + Long.BYTES).put(MAPPED).put((byte) features)
                    .putLong(ProcessHandle.current().pid()).flip();
            writeFully(socket, answer, deadline);
            return new Joined(segment, agreed);
        } catch (IOException | RuntimeException e) {
            segment.arena().close();
            throw e;
        }
    }

    private static ByteBuffer readFully(SocketChannel socket, Selector selector, int bytes, long deadline)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining()) {
            if (socket.read(buffer) < 0) {
                throw new EOFException("the peer closed the socket during the shared-memory set-up");
            }
            if (buffer.hasRemaining()) {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline))));
                selector.selectedKeys().clear();
            }
        }
        return buffer.flip();
    }

    private static void writeFully(SocketChannel socket, ByteBuffer buffer, long deadline) throws IOException {
        // Set-up messages are small and the socket's buffer is empty, so this loops at most a few times.
        while (buffer.hasRemaining()) {
            if (socket.write(buffer) == 0) {
                remaining(deadline);
                Thread.onSpinWait();
            }
        }
    }

    private static long remaining(long deadline) throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("the shared-memory set-up did not finish in time");
        }
        return left;
    }

    /**
     * What the server learns from a set-up.
     *
     * @param segment   the mapping
     * @param clientPid the client's process id, for logs
     * @param features  the features both sides have
     */
    record Accepted(Segment segment, long clientPid, int features) {
    }

    /**
     * What the client learns from a set-up.
     *
     * @param segment  the mapping
     * @param features the features both sides have
     */
    record Joined(Segment segment, int features) {
    }
}
