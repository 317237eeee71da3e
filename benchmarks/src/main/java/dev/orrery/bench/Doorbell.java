package dev.orrery.bench;

import java.io.IOException;
import dev.orrery.transport.shm.Futex;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One side of a doorbell between two processes: the way a shared-memory reader that has gone to sleep is woken
 * when its peer writes. Each ring carries a sequence number; {@link #await} sleeps until the other side rang
 * with it. Neither side spins: every round trip is two sleeps and two wake-ups, which is what a doorbell costs.
 */
interface Doorbell extends AutoCloseable {

    /**
     * Wakes the other side.
     *
     * @param sequence the number of this ring
     * @throws IOException when the other side has gone
     */
    void ring(int sequence) throws IOException;

    /**
     * Sleeps until the other side rings with {@code sequence}.
     *
     * @param sequence the number awaited
     * @return false when the other side has gone, or this side was closed
     * @throws IOException when the doorbell fails
     */
    boolean await(int sequence) throws IOException;

    @Override
    void close() throws IOException;

    /**
     * The doorbell of Orrery's shared-memory transport: one byte written on a Unix socket, read by a thread
     * blocked in a selector on it.
     *
     * @param socket   the connected socket
     * @param selector a selector with the socket registered for reading
     * @param bytes    the one byte read or written, reused so that a ring allocates nothing
     */
    record Socket(SocketChannel socket, Selector selector, ByteBuffer bytes) implements Doorbell {

        /**
         * Wraps a connected socket.
         *
         * @param socket the socket
         * @return the doorbell
         * @throws IOException when the selector cannot be opened
         */
        static Socket over(SocketChannel socket) throws IOException {
            socket.configureBlocking(false);
            Selector selector = Selector.open();
            socket.register(selector, SelectionKey.OP_READ);
            return new Socket(socket, selector, ByteBuffer.allocate(1));
        }

        @Override
        public void ring(int sequence) throws IOException {
            bytes.clear().put(0, (byte) sequence);
            socket.write(bytes);
        }

        @Override
        public boolean await(int sequence) throws IOException {
            while (true) {
                bytes.clear();
                int read = socket.read(bytes);
                if (read < 0) {
                    return false;
                }
                if (read > 0) {
                    return true;
                }
                selector.select(100);
                selector.selectedKeys().clear();
                if (!selector.isOpen()) {
                    return false;
                }
            }
        }

        @Override
        public void close() throws IOException {
            selector.close();
            socket.close();
        }
    }

    /**
     * A futex doorbell: each side owns an int in a mapped file, stores the sequence into it and wakes the other,
     * which sleeps in the kernel on that word. The sleeper wakes every 100 ms to see whether it should stop.
     */
    final class FutexBell implements Doorbell {
        private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
        /** The file's size: each word on a cache line of its own. */
        static final long BYTES = 128;

        private final Arena arena = Arena.ofShared();
        private final MemorySegment mine;
        private final MemorySegment theirs;
        private final MemorySegment timeout;
        private volatile boolean closed;

        /**
         * Maps the file of the two words.
         *
         * @param file  a file of {@link #BYTES} bytes, zeroed
         * @param first whether this side owns the first word
         * @throws IOException when the file cannot be mapped
         */
        FutexBell(Path file, boolean first) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                MemorySegment words = channel.map(FileChannel.MapMode.READ_WRITE, 0, BYTES, arena);
                this.mine = words.asSlice(first ? 0 : 64, Integer.BYTES);
                this.theirs = words.asSlice(first ? 64 : 0, Integer.BYTES);
            }
            this.timeout = Futex.timeout(arena, 100);
        }

        @Override
        public void ring(int sequence) {
            INT.setRelease(mine, 0L, sequence);
            Futex.wake(mine);
        }

        @Override
        public boolean await(int sequence) {
            while (!closed) {
                int seen = (int) INT.getAcquire(theirs, 0L);
                if (seen == sequence) {
                    return true;
                }
                Futex.await(theirs, seen, timeout);
            }
            return false;
        }

        /** Stops a side that awaits, within 100 ms; the memory stays mapped until the process ends. */
        @Override
        public void close() {
            closed = true;
        }
    }
}
