package dev.orrery.transport.shm;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the transport's files live and what they are called: {@code orrery-NAME.sock}, the listening Unix
 * socket; {@code orrery-NAME-PID-N.shm}, the segment of the N-th connection accepted by process PID; and
 * {@code orrery-NAME-PID-N-D-S.spill}, the S-th spill file written in direction D ({@code c} from the
 * client, {@code s} from the server) of that connection. The server's PID in the names is what lets a later
 * server tell a dead process's files from a live one's.
 *
 * @param directory where both kinds of file are created
 */
record ShmFiles(Path directory) {

    private static final Logger LOG = LoggerFactory.getLogger(ShmFiles.class);
    private static final String PREFIX = "orrery-";
    private static final String SEGMENT_SUFFIX = ".shm";
    private static final String SPILL_SUFFIX = ".spill";
    private static final Pattern NUMBERS = Pattern.compile("\\d{1,19}-\\d{1,19}");
    /** A socket, segment or spill file of a process-owned endpoint, {@code node-PID-REST}; group 1 is the PID. */
    private static final Pattern PROCESS_OWNED =
            Pattern.compile("orrery-node-(\\d{1,18})-[A-Za-z0-9._-]*\\.(sock|shm|spill)");

    /**
     * The default directory: {@code /dev/shm} where it exists and is writable (memory, never written to a
     * disk), the temporary directory otherwise; {@code orrery.shm.dir} overrides both.
     *
     * @return the files
     */
    static ShmFiles fromSystem() {
        String configured = System.getProperty(SharedMemoryTransportProvider.DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new ShmFiles(Path.of(configured));
        }
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return new ShmFiles(shm);
        }
        return new ShmFiles(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param name the endpoint's name
     * @return the path of its listening socket
     */
    Path socket(String name) {
        return directory.resolve(PREFIX + name + ".sock");
    }

    /**
     * @param name    the endpoint's name
     * @param pid     the creating process
     * @param counter the connection's number in that process
     * @return the path of the segment
     */
    Path segment(String name, long pid, long counter) {
        return directory.resolve(PREFIX + name + "-" + pid + "-" + counter + SEGMENT_SUFFIX);
    }

    /**
     * The name a connection's files share, derived from its segment's: {@code orrery-NAME-PID-N}.
     *
     * @param segment the connection's segment file
     * @return its name without {@code .shm}
     */
    static String connection(Path segment) {
        String file = segment.getFileName().toString();
        return file.endsWith(SEGMENT_SUFFIX) ? file.substring(0, file.length() - SEGMENT_SUFFIX.length()) : file;
    }

    /**
     * Whether a file name is that of a segment of an endpoint, as a server of this class names it.
     *
     * @param name the endpoint's name
     * @param file a file name
     * @return true for {@code orrery-NAME-PID-N.shm}
     */
    static boolean isSegmentOf(String name, String file) {
        return file.startsWith(PREFIX + name + "-") && file.endsWith(SEGMENT_SUFFIX)
                && NUMBERS.matcher(file.substring(PREFIX.length() + name.length() + 1,
                        file.length() - SEGMENT_SUFFIX.length())).matches();
    }

    /**
     * @param connection the name the connection's files share
     * @param direction  which way the frame goes
     * @param number     the file's number in that direction
     * @return the path of the spill file
     */
    Path spill(String connection, Direction direction, long number) {
        return directory.resolve(spillPrefix(connection, direction) + number + SPILL_SUFFIX);
    }

    /**
     * The start of the names of a connection's spill files in one direction; a number and {@code .spill} follow.
     *
     * @param connection the name the connection's files share
     * @param direction  which way
     * @return {@code orrery-NAME-PID-N-D-}
     */
    static String spillPrefix(String connection, Direction direction) {
        return connection + "-" + direction.letter() + "-";
    }

    /**
     * Deletes every spill file of a connection in one direction: once that direction's reader has stopped,
     * no one reads them.
     *
     * @param connection the name the connection's files share
     * @param direction  which way
     * @return how many files it deleted
     * @throws IOException when the directory cannot be read or a file cannot be deleted
     */
    int deleteSpills(String connection, Direction direction) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                spillPrefix(connection, direction) + "*" + SPILL_SUFFIX)) {
            for (Path file : files) {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /**
     * Creates a new, empty file that only its owner may read and write.
     *
     * @param path where; it must not exist
     * @throws IOException when it exists or cannot be created
     */
    static void createPrivate(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(path);
        }
    }

    /**
     * Before listening on {@code name}: fails when a live process serves it; otherwise removes its socket,
     * and the segments and spill files of connections whose server process has gone.
     *
     * @param name the endpoint's name
     * @throws IOException when another process accepts on the socket, or a stale file cannot be deleted
     */
    void removeStale(String name) throws IOException {
        Path socket = socket(name);
        if (Files.exists(socket)) {
            if (accepts(socket)) {
                throw new IOException("shm://" + name + " is already served by another process (socket " + socket
                        + ")");
            }
            LOG.info("removing the stale socket {} of a process that has gone", socket);
            Files.deleteIfExists(socket);
        }
        Pattern owned = Pattern.compile(Pattern.quote(PREFIX + name + "-")
                + "(\\d{1,18})-\\d+(\\.shm|-[cs]-\\d+\\.spill)");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + name + "-*")) {
            for (Path file : files) {
                Matcher matcher = owned.matcher(file.getFileName().toString());
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                    LOG.info("removing the stale {} {} of a process that has gone",
                            matcher.group(2).equals(SEGMENT_SUFFIX) ? "segment" : "spill file", file);
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Removes the files of process-owned endpoints whose process has gone. A name of the form
     * {@code node-PID-REST} belongs to process PID, which alone serves it, as the endpoints that nodes add for
     * their peers on the same host do; such a name is never listened on again once its process dies, so no later
     * start of the same endpoint would clean up after a crash.
     *
     * @throws IOException when the directory cannot be read
     */
    void removeFilesOfDeadProcesses() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "orrery-node-*")) {
            for (Path file : files) {
                Matcher matcher = PROCESS_OWNED.matcher(file.getFileName().toString());
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                    LOG.info("removing the file {} of a process that has gone", file);
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean accepts(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            LOG.debug("nothing accepts on {}: {}", socket, e.toString());
            return false;
        }
    }
}
