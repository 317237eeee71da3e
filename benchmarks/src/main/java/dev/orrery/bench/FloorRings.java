package dev.orrery.bench;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The raw floor's memory-mapped file: a header that gives its layout, then two rings of slots, requests from ping
 * to pong and echoes back. A slot holds a message's number in 8 bytes, then its payload; the writer fills the
 * payload, then publishes the number with release semantics, and the reader, which spins until it reads that
 * number with acquire semantics, then reads the payload. Messages are numbered from 1, and message {@code n}
 * takes slot {@code n} modulo the ring's size, so a slot is written again only after its echo was read.
 */
final class FloorRings implements AutoCloseable {

    /** The largest file the floor maps: large payloads times many slots make big files. */
    static final long MAX_FILE_BYTES = 1L << 30;

    private static final int MAGIC = 0x4f52464c;
    private static final int HEADER_BYTES = 128;
    private static final int SLOT_ALIGNMENT = 64;
    private static final int NUMBER_BYTES = Long.BYTES;
    private static final ValueLayout.OfInt HEADER_INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle NUMBER = ValueLayout.JAVA_LONG.varHandle();

    private final Arena arena;
    private final MemorySegment memory;
    private final int payload;
    private final int mask;
    private final long slotBytes;
    private final long echoesAt;

    private FloorRings(Arena arena, MemorySegment memory, int payload, int slots) {
        this.arena = arena;
        this.memory = memory;
        this.payload = payload;
        this.mask = slots - 1;
        this.slotBytes = slotBytes(payload);
        this.echoesAt = HEADER_BYTES + slots * slotBytes;
    }

    /**
     * The size of the file for a payload and a number of outstanding messages.
     *
     * @param payload     bytes per message
     * @param concurrency messages outstanding at most
     * @return the file's size in bytes
     */
    static long fileBytes(int payload, int concurrency) {
        return HEADER_BYTES + 2L * PipelinedPing.slots(concurrency) * slotBytes(payload);
    }

    private static long slotBytes(int payload) {
        return (NUMBER_BYTES + payload + SLOT_ALIGNMENT - 1L) / SLOT_ALIGNMENT * SLOT_ALIGNMENT;
    }

    /**
     * Creates a file for the floor, filled with zeroes but for its header.
     *
     * @param directory   where, such as {@code /dev/shm}
     * @param payload     bytes per message
     * @param concurrency messages outstanding at most
     * @return the new file, whose name starts with {@code orrery-bench-floor-}
     * @throws IOException when it cannot be written
     */
    static Path create(Path directory, int payload, int concurrency) throws IOException {
        Path file = Files.createTempFile(directory, "orrery-bench-floor-", ".mmap");
        ByteBuffer header = ByteBuffer.allocate(3 * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(MAGIC).putInt(payload).putInt(PipelinedPing.slots(concurrency)).flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(header, 0);
            channel.write(ByteBuffer.allocate(1), fileBytes(payload, concurrency) - 1);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /**
     * Maps a file made by {@link #create}.
     *
     * @param file the file
     * @return its rings, mapped until closed
     * @throws IOException when it cannot be mapped, or is not a floor's file
     */
    static FloorRings open(Path file) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment memory = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size(), arena);
            int payload = memory.get(HEADER_INT, Integer.BYTES);
            int slots = memory.get(HEADER_INT, 2 * Integer.BYTES);
            if (memory.get(HEADER_INT, 0) != MAGIC || payload < 0 || Integer.bitCount(slots) != 1
                    || memory.byteSize() != HEADER_BYTES + 2L * slots * slotBytes(payload)) {
                throw new IOException(file + " is not a file of the raw floor");
            }
            return new FloorRings(arena, memory, payload, slots);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /**
     * The payload size of every message.
     *
     * @return bytes per message
     */
    int payload() {
        return payload;
    }

    /**
     * The mapped file.
     *
     * @return the memory, valid until this is closed
     */
    MemorySegment memory() {
        return memory;
    }

    /**
     * Where request {@code number} sits.
     *
     * @param number the message's number, from 1
     * @return the offset of its slot
     */
    long request(long number) {
        return HEADER_BYTES + (number & mask) * slotBytes;
    }

    /**
     * Where the echo of request {@code number} sits.
     *
     * @param number the message's number, from 1
     * @return the offset of its slot
     */
    long echo(long number) {
        return echoesAt + (number & mask) * slotBytes;
    }

    /**
     * Where a slot's payload starts.
     *
     * @param slot the offset of the slot
     * @return the offset of its payload
     */
    static long payloadOf(long slot) {
        return slot + NUMBER_BYTES;
    }

    /**
     * Publishes the message in a slot, once its payload is written.
     *
     * @param slot   the offset of the slot
     * @param number the message's number
     */
    void publish(long slot, long number) {
        NUMBER.setRelease(memory, slot, number);
    }

    /**
     * Whether message {@code number} is in a slot; its payload may be read once this is true.
     *
     * @param slot   the offset of the slot
     * @param number the message's number
     * @return true when it has arrived
     */
    boolean arrived(long slot, long number) {
        return (long) NUMBER.getAcquire(memory, slot) == number;
    }

    /** Unmaps the file; the thread that used it has stopped. */
    @Override
    public void close() {
        arena.close();
    }
}
