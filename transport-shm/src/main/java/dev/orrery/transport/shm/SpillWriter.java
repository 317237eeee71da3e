package dev.orrery.transport.shm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spill files one side of a connection writes: a frame larger than the threshold goes to a file of its
 * own, and a small record in the ring names it. The reader deletes each file once it has mapped it; this side
 * deletes, when the connection ends, those the reader has not reached.
 *
 * <p>Every file is tracked from the moment it exists: until its record is published it is this side's alone,
 * and after that, until the ring's consumer position passes the record, it may still be unread. The position
 * is the proof of reading, because a reader deletes a spill file before it releases the record's space.
 *
 * <p>Files are written through a channel from an encoded heap buffer, not through a mapping: a full file
 * system then fails the write with an {@link IOException}, and the frame travels in chunks instead, where a
 * write into a mapping would be a {@code SIGBUS}.
 *
 * <p>Threads: any sender, and the reader thread; tracking is guarded by this object's monitor.
 */
final class SpillWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SpillWriter.class);
    /** Tracks a file whose record is not published yet. */
    private static final long UNPUBLISHED = Long.MAX_VALUE;

    private final ShmFiles files;
    private final String connection;
    private final Direction direction;
    private final int threshold;
    /** Each file written and perhaps unread, with the ring position just after its record. */
    private final Map<Path, Long> written = new HashMap<>();
    private long numbers;
    private boolean closed;
    private boolean failedBefore;

    /**
     * @param files      where the files go
     * @param connection the name the connection's files share
     * @param direction  the direction this side writes in
     * @param threshold  frames of more bytes than this, length prefix included, are spilled
     */
    SpillWriter(ShmFiles files, String connection, Direction direction, int threshold) {
        this.files = files;
        this.connection = connection;
        this.direction = direction;
        this.threshold = threshold;
    }

    /**
     * @param length a frame's encoded length
     * @return whether a frame that long goes through a file
     */
    boolean spills(int length) {
        return length > threshold;
    }

    /**
     * Writes an encoded frame to a new file.
     *
     * @param frame the frame with its length prefix, from position to limit; its position does not move
     * @return the file, or {@code null} when none could be written (the frame then travels in chunks) or the
     *         connection has ended
     */
    Spill write(ByteBuffer frame) {
        Path file;
        synchronized (this) {
            if (closed) {
                return null;
            }
            file = files.spill(connection, direction, ++numbers);
            try {
                ShmFiles.createPrivate(file);
            } catch (IOException e) {
                failed(file, e);
                return null;
            }
            // Tracked as it is created, so that close() cannot miss it.
            written.put(file, UNPUBLISHED);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bytes = frame.duplicate();
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return new Spill(file, frame.remaining());
        } catch (IOException e) {
            forget(file);
            failed(file, e);
            return null;
        }
    }

    /**
     * Notes that a file's record is in the ring, and forgets the files the reader has reached.
     *
     * @param spill    the file
     * @param end      the ring position just after its record
     * @param consumed the ring's consumer position now
     */
    synchronized void published(Spill spill, long end, long consumed) {
        written.replace(spill.file(), end);
        written.values().removeIf(position -> position <= consumed);
    }

    /**
     * @param consumed the ring's consumer position now
     * @return whether a file is still to be read, its record published but not reached
     */
    synchronized boolean unread(long consumed) {
        for (long end : written.values()) {
            if (end != UNPUBLISHED && end > consumed) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection has ended: writes no more files, and deletes those the reader has not reached, which
     * no one will read now.
     *
     * @param consumed the ring's consumer position, as the reader left it
     */
    synchronized void close(long consumed) {
        closed = true;
        for (Map.Entry<Path, Long> entry : written.entrySet()) {
            if (entry.getValue() > consumed) {
                delete(entry.getKey());
            }
        }
        written.clear();
    }

    private synchronized void forget(Path file) {
        written.remove(file);
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete the spill file {}; the next listen on its endpoint removes it", file, e);
        }
    }

    private synchronized void failed(Path file, IOException e) {
        // Once at WARN: a full directory fails every large frame, and each one still arrives, in chunks. After
        // close() the file may have been deleted under the writer's feet, which is no failure worth a warning.
        if (!closed && !failedBefore) {
            failedBefore = true;
            LOG.warn("cannot write the spill file {}; large frames travel through the ring in chunks instead", file,
                    e);
        } else {
            LOG.debug("cannot write the spill file {}", file, e);
        }
    }

    /**
     * A written spill file.
     *
     * @param file   where
     * @param length its length: the frame with its length prefix
     */
    record Spill(Path file, long length) implements RecordWriter.Pending {

        /** @return the file's name as the ring record carries it */
        byte[] name() {
            return file.getFileName().toString().getBytes(StandardCharsets.US_ASCII);
        }
    }
}
