package dev.orrery.transport.tcp;

import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameListener;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** Sends every frame back on the connection it came from. */
final class EchoListener implements FrameListener {

    final Connection connection;
    final CompletableFuture<Throwable> closed = new CompletableFuture<>();

    EchoListener(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void onFrame(ByteBuffer frame) {
        byte[] copy = new byte[frame.remaining()];
        frame.get(copy);
        connection.send(new TestFrame(copy));
    }

    @Override
    public void onClose(Throwable cause) {
        closed.complete(cause);
    }
}
