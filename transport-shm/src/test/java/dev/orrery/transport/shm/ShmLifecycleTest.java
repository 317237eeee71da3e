package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.Endpoint;
import dev.orrery.testkit.ConformanceServer;
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
import java.net.ProtocolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Connections of the transport itself, without nodes: frames, close, refusals, dead peers, files. */
@Timeout(30)
class ShmLifecycleTest {

    private final String name = "life-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private final Endpoint endpoint = Endpoint.parse("shm://" + name);

    @Test
    void shouldCarryFramesBothWaysAndCloseOnceOnEachSide() throws Exception {
        RecordingListener serverSide = new RecordingListener();
        RecordingListener clientSide = new RecordingListener();
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        try (Transport server = ShmTestSupport.transport("server"); Transport client = ShmTestSupport.transport("c");
                Listener listener = ShmTestSupport.listen(server, endpoint, serverSide, accepted)) {
            assertThat(listener.endpoint()).isEqualTo(endpoint);
            Connection connection = client.connect(endpoint, c -> clientSide).get(5, TimeUnit.SECONDS);
            Random random = new Random(1);
            for (int size : new int[] {12, 13, 262_132, 262_133, 3 << 20}) {
                byte[] body = new byte[size];
                random.nextBytes(body);
                assertThat(connection.send(new ShmTestSupport.Frame(body))).isTrue();
                assertThat(serverSide.next()).as("%d bytes", size).isEqualTo(body);
            }
            accepted.get().send(new ShmTestSupport.Frame(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
            assertThat(clientSide.next()).startsWith(1, 2, 3).hasSize(12);
            assertThat(ShmTestSupport.filesOf(name + "-")).as("segments are unlinked once mapped").isEmpty();
            connection.close();
            connection.close();
            assertThat(clientSide.awaitClose()).isEmpty();
            assertThat(serverSide.awaitClose()).isEmpty();
            assertThat(connection.send(new ShmTestSupport.Frame(new byte[1]))).isFalse();
            assertThat(connection.isOpen()).isFalse();
            connection.closeFuture().get(5, TimeUnit.SECONDS);
        }
        assertThat(clientSide.closeCount()).isEqualTo(1);
        assertThat(serverSide.closeCount()).isEqualTo(1);
        assertThat(ShmTestSupport.filesOf(name)).isEmpty();
    }

    @Test
    void shouldRefuseASecondServerOfTheSameName() throws Exception {
        try (Transport first = ShmTestSupport.transport("a"); Transport second = ShmTestSupport.transport("b");
                Listener listener = first.listen(endpoint, c -> new RecordingListener())) {
            assertThatThrownBy(() -> second.listen(endpoint, c -> new RecordingListener()))
                    .isInstanceOf(IOException.class).hasMessageContaining("already served by another process");
            assertThat(listener.endpoint()).isEqualTo(endpoint);
        }
    }

    @Test
    void shouldCloseOnlyTheConnectionWithABadPreface() throws Exception {
        assertRawPeerRefused(peer -> peer.write(new byte[] {'G', 'E', 'T', ' ', '/', ' ', 'H', 'T'}),
                "not an Orrery peer");
    }

    @Test
    void shouldCloseOnlyTheConnectionWithAnOversizedFrame() throws Exception {
        byte[] oversized = {0x01, 0x30, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertRawPeerRefused(peer -> peer.write(FrameFormat.preface(), oversized), "exceeds the limit of");
    }

    @Test
    void shouldCloseOnlyTheConnectionWithAnOversizedSpilledFrame() throws Exception {
        assertRawPeerRefused(peer -> {
            peer.write(FrameFormat.preface());
            peer.spill("orrery-" + name + "-1-1-c-1.spill", 1L << 40);
        }, "exceeds the limit of");
    }

    @Test
    void shouldCloseOnlyTheConnectionWithASpillRecordNamingAnotherFile() throws Exception {
        Path victim = Files.createFile(ShmFiles.fromSystem().directory().resolve("orrery-" + name + "-victim.spill"));
        try {
            assertRawPeerRefused(peer -> {
                peer.write(FrameFormat.preface());
                peer.spill(victim.getFileName().toString(), 16);
            }, "which is not a spill file of");
            assertThat(victim).as("never read nor deleted").exists();
        } finally {
            Files.deleteIfExists(victim);
        }
    }

    private void assertRawPeerRefused(Consumer<RawPeer> records, String reason) throws Exception {
        RecordingListener refused = new RecordingListener();
        RecordingListener good = new RecordingListener();
        boolean[] first = {true};
        try (Transport server = ShmTestSupport.transport("server"); Transport client = ShmTestSupport.transport("c");
                Listener listener = server.listen(endpoint, c -> {
                    RecordingListener next = first[0] ? refused : good;
                    first[0] = false;
                    return next;
                })) {
            try (RawPeer raw = RawPeer.connect(name)) {
                records.accept(raw);
                Optional<Throwable> cause = refused.awaitClose();
                assertThat(cause).get().isInstanceOf(ProtocolException.class);
                assertThat(cause.get().getMessage()).contains(reason);
            }
            Connection healthy = client.connect(endpoint, c -> new RecordingListener())
                    .get(5, TimeUnit.SECONDS);
            byte[] twelve = {9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            assertThat(healthy.send(new ShmTestSupport.Frame(twelve))).isTrue();
            assertThat(good.next()).startsWith(9).hasSize(12);
            assertThat(listener.endpoint()).isEqualTo(endpoint);
        }
    }

    @Test
    void shouldLeaveNoFilesWhenAServerIsKilled() throws Exception {
        try (JvmProcess child = JvmProcess.start(ConformanceServer.class, endpoint.toString());
                Transport client = ShmTestSupport.transport("c")) {
            child.awaitValue("READY ", Duration.ofSeconds(30));
            RecordingListener frames = new RecordingListener();
            client.connect(endpoint, c -> frames).get(5, TimeUnit.SECONDS);
            long killed = System.nanoTime();
            child.kill();
            assertThat(frames.awaitClose()).get().isInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(ShmTestSupport.filesOf(name + "-")).as("no segment outlives a kill -9").isEmpty();
        try (Transport again = ShmTestSupport.transport("again")) {
            again.listen(endpoint, c -> new RecordingListener()).close();
        }
        assertThat(ShmTestSupport.filesOf(name)).as("the next listen removed the stale socket").isEmpty();
    }

    @Test
    void shouldNoticeAKilledClientAndLeaveNoFiles() throws Exception {
        RecordingListener frames = new RecordingListener();
        try (Transport server = ShmTestSupport.transport("server");
                Listener listener = server.listen(endpoint, c -> frames);
                JvmProcess child = JvmProcess.start(ShmClientProcess.class, endpoint.toString())) {
            child.awaitValue("CONNECTED", Duration.ofSeconds(30));
            assertThat(frames.next()).hasSize(16);
            child.kill();
            assertThat(frames.awaitClose()).get().isInstanceOf(IOException.class);
            assertThat(listener.endpoint()).isEqualTo(endpoint);
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ShmTestSupport.filesOf(name).isEmpty());
    }

    @Test
    void shouldFailToConnectWhereNothingListens() {
        try (Transport client = ShmTestSupport.transport("c")) {
            assertThatThrownBy(() -> client.connect(endpoint, c -> new RecordingListener())
                    .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
                    .hasMessageContaining("cannot connect to " + endpoint);
            assertThatThrownBy(() -> client.connect(Endpoint.parse("shm://bad/name"), c -> null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(Arrays.asList(name)).isNotEmpty();
        }
    }
}
