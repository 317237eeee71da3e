package dev.orrery.transport.shm;

import dev.orrery.Endpoint;
import dev.orrery.testkit.RecordingListener;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.FrameListener;
import dev.orrery.transport.Listener;
import dev.orrery.transport.OutboundFrame;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/** Small pieces the transport's tests share. */
final class ShmTestSupport {

    private ShmTestSupport() {
    }

    static Transport transport(String name) {
        return new SharedMemoryTransportProvider().create(
                new TransportConfig(name, FrameFormat.DEFAULT_MAX_FRAME_SIZE, Duration.ofSeconds(5), 0));
    }

    /**
     * Listens on an endpoint, handing every connection's frames to one listener.
     *
     * @param accepted completed with the first connection accepted
     */
    static Listener listen(Transport server, Endpoint endpoint, FrameListener frames,
            CompletableFuture<Connection> accepted) throws IOException {
        return server.listen(endpoint, connection -> {
            accepted.complete(connection);
            return frames;
        });
    }

    static List<Path> filesOf(String name) throws IOException {
        try (Stream<Path> files = Files.list(ShmFiles.fromSystem().directory())) {
            return files.filter(file -> file.getFileName().toString().startsWith("orrery-" + name)).toList();
        }
    }

    /** @return the spill files among {@link #filesOf} */
    static List<Path> spillFilesOf(String name) throws IOException {
        return filesOf(name).stream().filter(file -> file.getFileName().toString().endsWith(".spill")).toList();
    }

    /** @return the PID of a process that has just ended, which no other process has had time to take */
    static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    /** @return a random array of that many bytes */
    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A frame whose body is opaque bytes. */
    record Frame(byte[] body) implements OutboundFrame {
        @Override
        public int encodedLength() {
            return FrameFormat.LENGTH_FIELD_SIZE + body.length;
        }

        @Override
        public void writeTo(ByteBuffer buffer) {
            buffer.putInt(body.length).put(body);
        }
    }

    /**
     * Holds the reader thread in its first frame until released, so that what the peer sends after it stays
     * unread; then records, as {@link RecordingListener} does.
     */
    static final class Held implements FrameListener {
        final RecordingListener recording = new RecordingListener();
        final CountDownLatch release = new CountDownLatch(1);
        private boolean first = true;

        @Override
        public void onFrame(ByteBuffer frame) {
            if (first) {
                first = false;
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            recording.onFrame(frame);
        }

        @Override
        public void onClose(Throwable cause) {
            recording.onClose(cause);
        }
    }
}
