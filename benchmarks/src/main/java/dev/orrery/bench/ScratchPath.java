package dev.orrery.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A file or a directory that the bench process shares with its children, in {@link #scratchDirectory()}: deleted
 * when closed, whatever happened, and also when this process is stopped first, as by Ctrl-C.
 */
final class ScratchPath implements AutoCloseable {

    private final Path path;
    private final Thread cleanUp;

    private ScratchPath(Path path) {
        this.path = path;
        this.cleanUp = Thread.ofPlatform().unstarted(() -> delete(path));
        Runtime.getRuntime().addShutdownHook(cleanUp);
    }

    /**
     * Takes charge of a path made by the caller.
     *
     * @param path a file or a directory
     * @return the path, deleted when closed
     */
    static ScratchPath of(Path path) {
        return new ScratchPath(path);
    }

    /**
     * Makes a fresh directory in the scratch directory.
     *
     * @param prefix the start of its name, such as {@code orrery-bench-aeron-}
     * @return the directory, deleted with all it holds when closed
     * @throws IOException when it cannot be made
     */
    static ScratchPath directory(String prefix) throws IOException {
        return new ScratchPath(Files.createTempDirectory(scratchDirectory(), prefix));
    }

    /**
     * Where the shared files go: {@code /dev/shm}, memory that no disk stands behind, where there is one.
     *
     * @return {@code /dev/shm}, or else the temporary directory
     */
    static Path scratchDirectory() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** @return the file or the directory */
    Path path() {
        return path;
    }

    /** Deletes the file, or the directory with all it holds. */
    @Override
    public void close() {
        delete(path);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException e) {
            // This process is shutting down: the hook runs anyway and finds nothing left to delete.
        }
    }

    /** Deletes a file, or a directory with all it holds; says so loudly when it cannot. */
    private static void delete(Path shared) {
        if (!Files.exists(shared)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(shared)) {
            for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("!! cannot delete " + shared + ", delete it by hand: " + e);
        }
    }
}
