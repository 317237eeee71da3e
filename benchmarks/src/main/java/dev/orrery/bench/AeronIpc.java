package dev.orrery.bench;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.nio.file.Path;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * What both ends of the Aeron benchmark share: one IPC channel with a stream each way, and the embedded media
 * driver that the pong side runs.
 *
 * <p>Over IPC the driver is not on the data path: publisher and subscriber share the log buffers in the Aeron
 * directory, so its one thread (shared threading mode) backs off to sleeping rather than taking a third core of
 * the two that ping and pong spin on. It does move the publication limit forward, which is why the terms are
 * large: 16 MiB (Aeron's default for IPC is 64 MiB), so a publisher rarely waits for the driver, and a message of
 * up to 2 MiB fits.
 */
final class AeronIpc {

    /** The channel of both streams. */
    static final String CHANNEL = "aeron:ipc";
    /** Requests, from ping to pong. */
    static final int PING_STREAM = 1001;
    /** Echoes, from pong to ping. */
    static final int PONG_STREAM = 1002;
    /** The most fragments one poll hands over. */
    static final int FRAGMENT_LIMIT = 10;

    private static final int TERM_LENGTH = 16 << 20;

    private AeronIpc() {
    }

    /**
     * Launches the embedded media driver of the pong side.
     *
     * @param directory the Aeron directory: deleted and made again at the start, deleted at shutdown
     * @return the running driver
     */
    static MediaDriver launchDriver(Path directory) {
        return MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(directory.toString())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .ipcTermBufferLength(TERM_LENGTH));
    }

    /**
     * Connects a client to the driver of a directory.
     *
     * @param directory the Aeron directory
     * @return the client
     */
    static Aeron connect(Path directory) {
        return Aeron.connect(new Aeron.Context().aeronDirectoryName(directory.toString()));
    }

    /**
     * Offers a message once.
     *
     * @param publication where it goes
     * @param buffer      holds it
     * @param offset      where it starts
     * @param length      its length
     * @return true when it went, false when the publication is back-pressured for now
     * @throws IllegalStateException when the publication is not connected or closed
     */
    static boolean offer(Publication publication, DirectBuffer buffer, int offset, int length) {
        long result = publication.offer(buffer, offset, length);
        if (result >= 0 || result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION) {
            return result >= 0;
        }
        throw new IllegalStateException("Aeron cannot publish on stream " + publication.streamId() + ": "
                + Publication.errorString(result));
    }
}
