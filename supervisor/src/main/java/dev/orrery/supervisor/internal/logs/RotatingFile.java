package dev.orrery.supervisor.internal.logs;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A log file of lines, rotated by size: when a line would take the file past {@code maxBytes}, {@code name.log}
 * becomes {@code name.log.1}, {@code name.log.1} becomes {@code name.log.2}, and so on up to {@code
 * name.log.keep}, the oldest being deleted, and a new {@code name.log} is begun. With {@code keep} 0 the file is
 * emptied instead. A line longer than {@code maxBytes} is written whole, alone in its file.
 *
 * <p>The file is opened at the first line, in append mode, so that a restarted supervisor continues the history
 * it finds; its parent directories are made then. Numbered files beyond {@code keep}, left by an earlier
 * setting, are not touched.
 *
 * <p>Lines are buffered. They reach the operating system at {@link #flush()}, which the writer calls at the
 * end of each batch of lines it read, when the buffer fills, at a rotation, and at {@link #close()}; a line is
 * therefore never split between two flushes unless it is longer than the buffer.
 *
 * <p>Thread-safe: any number of threads may append; each line is written whole, never interleaved with
 * another.
 */
public final class RotatingFile implements Closeable {
    private static final int BUFFER_BYTES = 8192;

    private final Path file;
    private final long maxBytes;
    private final int keep;
    /** Guarded by this. Null before the first line, after a failed rotation, and once closed. */
    private OutputStream out;
    /** Guarded by this. The file's size, as written through this object. */
    private long size;
    /** Guarded by this. */
    private boolean closed;

    /**
     * Makes a rotating file; nothing is opened until the first line.
     *
     * @param file     the current file, such as {@code logs/echo/1.stdout.log}
     * @param maxBytes the most bytes a file holds, unless its one line is longer; at least 1
     * @param keep     how many rotated files are kept beside it; 0 empties the file instead
     */
    public RotatingFile(Path file, long maxBytes, int keep) {
        this.file = Objects.requireNonNull(file, "file");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
        }
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    /**
     * The current file.
     *
     * @return its path, as given
     */
    public Path path() {
        return file;
    }

    /**
     * Appends a line and a line break, in UTF-8, rotating first when the file would grow past its limit.
     *
     * @param line the line, without its line break
     * @throws ClosedChannelException when this file was closed
     * @throws IOException            when the file cannot be opened, rotated or written
     */
    public synchronized void append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        OutputStream stream = open();
        if (size > 0 && size + bytes.length > maxBytes) {
            rotate();
            stream = open();
        }
        stream.write(bytes);
        size += bytes.length;
    }

    /**
     * Hands the buffered lines to the operating system.
     *
     * @throws IOException when they cannot be written
     */
    public synchronized void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /**
     * Writes the buffered lines and closes the file; later lines are refused.
     *
     * @throws IOException when the buffered lines cannot be written
     */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (out != null) {
            OutputStream stream = out;
            out = null;
            stream.close();
        }
    }

    private OutputStream open() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (out == null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND), BUFFER_BYTES);
            size = Files.size(file);
        }
        return out;
    }

    private void rotate() throws IOException {
        OutputStream stream = out;
        out = null;
        stream.close();
        if (keep == 0) {
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE).close();
            return;
        }
        Files.deleteIfExists(numbered(keep));
        for (int n = keep - 1; n >= 1; n--) {
            Path older = numbered(n);
            if (Files.exists(older)) {
                Files.move(older, numbered(n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (Files.exists(file)) {
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path numbered(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }
}
