package dev.orrery.transport.shm;

import dev.orrery.transport.FrameFormat;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * The spill files one side of a connection reads: checks that a spill record names a file of this connection
 * written by the peer, maps it, and deletes it before the record's space is released, so that the peer can
 * tell from the ring's consumer position which of its files are gone.
 *
 * <p>Threads: the reader thread.
 */
final class SpillReader {

    private static final Pattern NUMBERED = Pattern.compile("\\d{1,19}\\.spill");
    private static final ValueLayout.OfInt LENGTH_PREFIX = ValueLayout.JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);

    private final ShmFiles files;
    private final String connection;
    private final Direction direction;
    private final String prefix;

    /**
     * @param files      where the files are
     * @param connection the name the connection's files share
     * @param direction  the direction this side reads: the peer's
     */
    SpillReader(ShmFiles files, String connection, Direction direction) {
        this.files = files;
        this.connection = connection;
        this.direction = direction;
        this.prefix = ShmFiles.spillPrefix(connection, direction);
    }

    /**
     * Maps the file a spill record names and deletes its name; the mapping stays until it is closed.
     *
     * @param nameBytes  the record's file name
     * @param fileLength the record's file length, already checked against the frame-size limit
     * @return the frame, length prefix excluded
     * @throws ProtocolException when the name is not one of this connection's, or the file does not hold what
     *                           the record says
     * @throws IOException       when the file is missing or cannot be mapped
     */
    Mapped open(ByteBuffer nameBytes, long fileLength) throws IOException {
        String name = StandardCharsets.US_ASCII.decode(nameBytes).toString();
        // The peer chooses the name: never let it make us read or delete any other file.
        if (!name.startsWith(prefix) || !NUMBERED.matcher(name.substring(prefix.length())).matches()) {
            throw new ProtocolException("a spill record names '" + name + "', which is not a spill file of "
                    + connection + " (expected " + prefix + "N.spill)");
        }
        Path file = files.directory().resolve(name);
        Arena arena = Arena.ofConfined();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            if (size != fileLength) {
                throw new ProtocolException("the spill file " + name + " is " + size + " bytes; its record says "
                        + fileLength);
            }
            MemorySegment frame = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            long prefixed = Integer.toUnsignedLong(frame.get(LENGTH_PREFIX, 0));
            if (prefixed != size - FrameFormat.LENGTH_FIELD_SIZE) {
                throw new ProtocolException("the spill file " + name + " holds a frame of " + prefixed
                        + " bytes in " + size + " bytes");
            }
            return new Mapped(arena, frame.asSlice(FrameFormat.LENGTH_FIELD_SIZE).asByteBuffer());
        } catch (NoSuchFileException e) {
            arena.close();
            throw new IOException("the spill file " + name + " that the peer announced is gone", e);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        } finally {
            // Whatever happened, no one else will read it; a mapping outlives the name.
            Files.deleteIfExists(file);
        }
    }

    /**
     * Deletes the spill files of the peer that are left once this side stops reading: those of records it
     * did not reach, and those the peer created but never announced, because it died or stopped in between.
     *
     * @return how many there were
     * @throws IOException when the directory cannot be read or a file cannot be deleted
     */
    int deleteLeftovers() throws IOException {
        return files.deleteSpills(connection, direction);
    }

    /**
     * A mapped spill file.
     *
     * @param arena owns the mapping
     * @param frame the frame, length prefix excluded; valid until {@link #close()}
     */
    record Mapped(Arena arena, ByteBuffer frame) implements AutoCloseable {

        /** Unmaps the file. */
        @Override
        public void close() {
            arena.close();
        }
    }
}
