package dev.orrery.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback addresses where nothing listens, for tests that need one. */
final class LocalPorts {

    private LocalPorts() {
    }

    /**
     * A loopback endpoint whose port was free a moment ago.
     *
     * @return such as {@code tcp://127.0.0.1:40123}
     */
    static String freeEndpoint() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
