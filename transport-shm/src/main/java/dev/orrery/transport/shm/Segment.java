package dev.orrery.transport.shm;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One connection's memory-mapped file: the client-to-server ring, then the server-to-client ring.
 *
 * <p>The server creates the file with owner-only permissions before anything is written to it, both sides
 * map it, and the client deletes it as soon as it has mapped it (the server too, once told): a mapping outlives the
 * name, so from then on no crash of either side can leak the file. A file whose creator died before that
 * is removed by the next {@code listen} on the same name ({@link ShmFiles#removeStale}).
 *
 * @param arena          owns the mapping; closing it unmaps
 * @param clientToServer the ring the client produces into
 * @param serverToClient the ring the server produces into
 * @param file           where the file was mapped from; its name also names the connection's spill files
 */
record Segment(Arena arena, Ring clientToServer, Ring serverToClient, Path file) {

    /**
     * @param direction which way
     * @return the ring that carries it
     */
    Ring ring(Direction direction) {
        return direction == Direction.CLIENT_TO_SERVER ? clientToServer : serverToClient;
    }

    /**
     * The size of a file for two rings.
     *
     * @param capacity each ring's data area
     * @return the file's size in bytes
     */
    static long fileSize(int capacity) {
        return 2 * Ring.bytes(capacity);
    }

    /**
     * Creates a new file, readable and writable by its owner only, and maps it.
     *
     * @param path     where; it must not exist
     * @param capacity each ring's data area, a power of two
     * @return the mapping
     * @throws IOException when the file cannot be created or mapped
     */
    static Segment create(Path path, int capacity) throws IOException {
        ShmFiles.createPrivate(path);
        try {
            return map(path, capacity, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /**
     * Maps a file made by {@link #create}.
     *
     * @param path     the file
     * @param capacity each ring's data area
     * @param empty    true when the file is new and empty, to be grown to its size with zeros
     * @return the mapping
     * @throws IOException when the file cannot be mapped or has another size
     */
    static Segment map(Path path, int capacity, boolean empty) throws IOException {
        long size = fileSize(capacity);
        Arena arena = Arena.ofShared();
        try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long existing = file.size();
            if (existing != (empty ? 0 : size)) {
                throw new IOException("shared-memory file " + path + " is " + existing + " bytes, expected " + size);
            }
            // Mapping past the end grows the file; on tmpfs the pages are allocated when first touched.
            MemorySegment memory = file.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            long half = Ring.bytes(capacity);
            return new Segment(arena, new Ring(memory.asSlice(0, half), capacity),
                    new Ring(memory.asSlice(half, half), capacity), path);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }
}
