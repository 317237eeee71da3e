package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import dev.orrery.testkit.JvmProcess;
import dev.orrery.testkit.RecordingListener;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Frames larger than the ring's capacity, which go through spill files: delivery, and no file ever left. */
@Timeout(60)
class SpillTest {

    private static final int FIVE_MIB = 5 << 20;
    private static final int TWO_MIB = 2 << 20;

    private final String name = "spill-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final Endpoint endpoint = Endpoint.parse("shm://" + name);

    @Test
    void shouldCarryAFiveMebibyteFrameEachWayThroughAPrivateFileThatGoesOnceRead() throws Exception {
        ShmTestSupport.Held serverSide = new ShmTestSupport.Held();
        RecordingListener clientSide = new RecordingListener();
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        try (Transport server = ShmTestSupport.transport("server"); Transport client = ShmTestSupport.transport("c");
                Listener listener = ShmTestSupport.listen(server, endpoint, serverSide, accepted)) {
            Connection connection = client.connect(endpoint, c -> clientSide).get(5, TimeUnit.SECONDS);
            byte[] large = ShmTestSupport.randomBytes(FIVE_MIB, 5);
            // The server's reader holds the first frame, so the large one waits in its file.
            assertThat(connection.send(new ShmTestSupport.Frame(new byte[12]))).isTrue();
            assertThat(connection.send(new ShmTestSupport.Frame(large))).isTrue();
            List<Path> waiting = ShmTestSupport.spillFilesOf(name + "-");
            assertThat(waiting).hasSize(1);
            assertThat(Files.size(waiting.get(0))).as("the frame and its length prefix").isEqualTo(FIVE_MIB + 4L);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(waiting.get(0))))
                    .isEqualTo("rw-------");
            serverSide.release.countDown();
            assertThat(serverSide.recording.next()).hasSize(12);
            assertThat(serverSide.recording.next()).isEqualTo(large);
            assertThat(waiting.get(0)).as("deleted once read").doesNotExist();

            assertThat(accepted.get().send(new ShmTestSupport.Frame(large))).isTrue();
            assertThat(clientSide.next()).isEqualTo(large);
            assertThat(ShmTestSupport.filesOf(name + "-")).isEmpty();
            connection.close();
            assertThat(clientSide.awaitClose()).isEmpty();
            assertThat(serverSide.recording.awaitClose()).isEmpty();
            assertThat(listener.endpoint()).isEqualTo(endpoint);
        }
        assertThat(ShmTestSupport.filesOf(name)).isEmpty();
    }

    /**
     * A client killed while files of both directions wait, and one it created but never announced: the
     * server reads what the client announced, deletes what it never will read, and deletes its own unread.
     */
    @Test
    void shouldLeaveNoSpillFileWhenAPeerIsKilledWithFilesOutstanding() throws Exception {
        ShmTestSupport.Held serverSide = new ShmTestSupport.Held();
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        try (Transport server = ShmTestSupport.transport("server");
                Listener listener = ShmTestSupport.listen(server, endpoint, serverSide, accepted);
                JvmProcess child = JvmProcess.start(ShmClientProcess.class, endpoint.toString(), "3",
                        Integer.toString(TWO_MIB))) {
            child.awaitValue("CONNECTED", Duration.ofSeconds(30));
            Connection toChild = accepted.get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                assertThat(toChild.send(new ShmTestSupport.Frame(new byte[TWO_MIB]))).isTrue();
            }
            Path announced = ShmTestSupport.spillFilesOf(name + "-").stream()
                    .filter(file -> file.getFileName().toString().matches(".*-c-\\d+\\.spill")).findFirst()
                    .orElseThrow();
            Path unannounced = Files.createFile(announced.resolveSibling(
                    announced.getFileName().toString().replaceAll("-c-\\d+\\.spill$", "-c-999.spill")));
            // From the child: 3 announced and 1 not; from the server: 3, of which the child's reader may hold one.
            assertThat(ShmTestSupport.spillFilesOf(name + "-")).hasSizeGreaterThanOrEqualTo(6);

            child.kill();
            serverSide.release.countDown();
            assertThat(serverSide.recording.next()).hasSize(16);
            for (int i = 0; i < 3; i++) {
                assertThat(serverSide.recording.next()).as("frame %d of the dead child", i)
                        .isEqualTo(ShmTestSupport.randomBytes(TWO_MIB, i));
            }
            assertThat(serverSide.recording.awaitClose()).get().isInstanceOf(IOException.class);
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> ShmTestSupport.filesOf(name + "-").isEmpty());
            assertThat(unannounced).doesNotExist();
            assertThat(listener.endpoint()).isEqualTo(endpoint);
        }
        assertThat(ShmTestSupport.filesOf(name)).isEmpty();
    }

    /**
     * A client closes while the server's reader still holds an earlier frame, and the server sends a large
     * frame before it reaches the close: answering the close, the server keeps that file, and the connection,
     * until the client has read it, rather than delete it under the client's feet.
     */
    @Test
    void shouldKeepItsSpillFilesUntilAClosingPeerHasReadThem() throws Exception {
        ShmTestSupport.Held serverSide = new ShmTestSupport.Held();
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        byte[] large = ShmTestSupport.randomBytes(TWO_MIB, 3);
        try (Transport server = ShmTestSupport.transport("server");
                Listener listener = ShmTestSupport.listen(server, endpoint, serverSide, accepted);
                RawPeer client = RawPeer.connect(name)) {
            client.write(FrameFormat.preface(), ByteBuffer.allocate(16).putInt(12).array());
            client.writeClose();
            assertThat(accepted.get(5, TimeUnit.SECONDS).send(new ShmTestSupport.Frame(large))).isTrue();
            serverSide.release.countDown();
            Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                    .until(() -> !serverSide.recording.closed().isDone());
            Path file = ShmTestSupport.spillFilesOf(name + "-").getFirst();

            long[] spilled = {-1};
            boolean[] closed = {false};
            Ring.RecordHandler reader = new Ring.RecordHandler() {
                @Override
                public boolean onRecord(ByteBuffer body) {
                    return true;
                }

                @Override
                public boolean onSpillRecord(long fileLength, ByteBuffer fileName) {
                    assertThat(StandardCharsets.US_ASCII.decode(fileName).toString())
                            .isEqualTo(file.getFileName().toString());
                    spilled[0] = fileLength;
                    try {
                        assertThat(Arrays.copyOfRange(Files.readAllBytes(file), 4, 4 + TWO_MIB)).isEqualTo(large);
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                }

                @Override
                public void onCloseRecord() {
                    closed[0] = true;
                }
            };
            long readAt = System.nanoTime();
            while (!closed[0]) {
                client.in().read(reader, 16);
            }
            assertThat(spilled[0]).isEqualTo(TWO_MIB + 4L);
            assertThat(serverSide.recording.awaitClose()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - readAt)).as("ended once read, not after waiting")
                    .isLessThan(Duration.ofMillis(1_500));
            assertThat(listener.endpoint()).isEqualTo(endpoint);
        }
        assertThat(ShmTestSupport.filesOf(name)).isEmpty();
    }

    @Test
    void shouldRemoveTheSpillFilesOfADeadServerWhenItsEndpointIsListenedOnAgain() throws Exception {
        Path directory = ShmFiles.fromSystem().directory();
        long dead = ShmTestSupport.deadPid();
        long alive = ProcessHandle.current().pid();
        Path fromClient = Files.createFile(directory.resolve("orrery-" + name + "-" + dead + "-1-c-1.spill"));
        Path fromServer = Files.createFile(directory.resolve("orrery-" + name + "-" + dead + "-1-s-7.spill"));
        Path live = Files.createFile(directory.resolve("orrery-" + name + "-" + alive + "-1-c-1.spill"));
        try (Transport server = ShmTestSupport.transport("again")) {
            server.listen(endpoint, c -> new RecordingListener()).close();
            assertThat(fromClient).doesNotExist();
            assertThat(fromServer).doesNotExist();
            assertThat(live).as("a live server's file stays").exists();
        } finally {
            Files.deleteIfExists(fromClient);
            Files.deleteIfExists(fromServer);
            Files.deleteIfExists(live);
        }
    }
}
