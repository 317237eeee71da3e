package dev.orrery.transport.shm;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the transport's files live and what they are called: {@code orrery-NAME.sock}, the listening Unix
 * socket, and {@code orrery-NAME-PID-N.shm}, the segment of the N-th connection accepted by process PID.
 * The PID in the name is what lets a later server tell a dead process's file from a live one's.
 *
 * @param directory where both kinds of file are created
 */
record ShmFiles(Path directory) {

    private static final Logger LOG = LoggerFactory.getLogger(ShmFiles.class);

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
        return directory.resolve("orrery-" + name + ".sock");
    }

    /**
     * @param name    the endpoint's name
     * @param pid     the creating process
     * @param counter the connection's number in that process
     * @return the path of the segment
     */
    Path segment(String name, long pid, long counter) {
        return directory.resolve("orrery-" + name + "-" + pid + "-" + counter + ".shm");
    }

    /**
     * Before listening on {@code name}: fails when a live process serves it; otherwise removes its socket
     * and the segments of dead processes.
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
        Pattern owned = Pattern.compile(Pattern.quote("orrery-" + name + "-") + "(\\d+)-\\d+\\.shm");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "orrery-" + name + "-*.shm")) {
            for (Path file : files) {
                Matcher matcher = owned.matcher(file.getFileName().toString());
                if (matcher.matches() && ProcessHandle.of(Long.parseLong(matcher.group(1))).isEmpty()) {
                    LOG.info("removing the stale segment {} of a process that has gone", file);
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
