package dev.orrery.transport.shm;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A client that goes through the set-up and then writes records by hand, as a peer written from the protocol
 * alone would: to send what the transport itself never sends.
 *
 * @param socket   the set-up socket, kept open as the transport keeps it
 * @param selector registered on it
 * @param segment  the mapped rings
 */
record RawPeer(SocketChannel socket, Selector selector, Segment segment) implements AutoCloseable {

    /**
     * Connects to a listening endpoint and maps its segment.
     *
     * @param name the endpoint's name
     * @return the peer
     * @throws IOException when the set-up fails
     */
    static RawPeer connect(String name) throws IOException {
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open();
        try {
            socket.connect(UnixDomainSocketAddress.of(ShmFiles.fromSystem().socket(name)));
            socket.configureBlocking(false);
            socket.register(selector, SelectionKey.OP_READ);
            return new RawPeer(socket, selector,
                    Handshake.join(socket, selector, name, 0, System.nanoTime() + TimeUnit.SECONDS.toNanos(5))
                            .segment());
        } catch (IOException | RuntimeException e) {
            selector.close();
            socket.close();
            throw e;
        }
    }

    /** @return the ring the server writes into */
    Ring in() {
        return segment.serverToClient();
    }

    /** Writes one record per body; there must be room. */
    void write(byte[]... bodies) {
        Ring out = segment.clientToServer();
        for (byte[] body : bodies) {
            int index = out.tryClaim(body.length);
            out.body(index, body.length).put(body);
            out.commit(body.length);
        }
    }

    /** Writes a spill record; there must be room. */
    void spill(String file, long length) {
        Ring out = segment.clientToServer();
        byte[] name = file.getBytes(StandardCharsets.US_ASCII);
        out.tryClaim(Ring.spillBody(name.length));
        out.commitSpill(length, name);
    }

    /** Writes the close record; there must be room. */
    void writeClose() {
        Ring out = segment.clientToServer();
        out.tryClaim(0);
        out.commit(Ring.CLOSE);
    }

    /** Unmaps the segment and closes the socket, as a process that ends does. */
    @Override
    public void close() throws IOException {
        segment.arena().close();
        selector.close();
        socket.close();
    }
}
