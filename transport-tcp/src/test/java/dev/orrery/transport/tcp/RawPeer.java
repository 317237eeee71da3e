package dev.orrery.transport.tcp;

import dev.orrery.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A plain socket that writes whatever a test wants, to play a misbehaving peer. */
final class RawPeer implements AutoCloseable {

    private final Socket socket;

    RawPeer(Endpoint endpoint) throws IOException {
        socket = new Socket(endpoint.host(), endpoint.port());
        socket.setSoTimeout(5_000);
    }

    RawPeer write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads until the peer closes; fails when it does not within the socket timeout. Returns the bytes read. */
    int readUntilClosed() throws IOException {
        InputStream in = socket.getInputStream();
        int total = 0;
        try {
            for (int n; (n = in.read(new byte[4096])) >= 0; ) {
                total += n;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the transport did not close the connection", e);
        } catch (IOException e) {
            // A reset is a close too: the transport may close with unread bytes in its receive buffer.
            return total;
        }
        return total;
    }

    /** Closes with a reset instead of a FIN, as a crashed peer would. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
