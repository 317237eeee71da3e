package dev.orrery.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orrery.Endpoint;
import dev.orrery.testkit.RecordingListener;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.FrameListener;
import dev.orrery.transport.Listener;
import dev.orrery.transport.TransportConfig;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A peer that breaks the rules loses its own connection and nobody else's. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TcpFaultTest {

    private static final int MAX_FRAME_SIZE = 64 * 1024;

    private TcpTransport server;
    private TcpTransport client;
    private Listener listener;
    private final BlockingQueue<EchoListener> accepted = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        server = new TcpTransport(config("server"), IoBackend.best());
        client = new TcpTransport(config("client"), IoBackend.best());
        listener = server.listen(Endpoint.parse("tcp://127.0.0.1:0"), connection -> {
            EchoListener echo = new EchoListener(connection);
            accepted.add(echo);
            return echo;
        });
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static TransportConfig config(String name) {
        return new TransportConfig(name, MAX_FRAME_SIZE, Duration.ofSeconds(2), 1);
    }

    @Test
    void shouldCloseOnlyTheConnectionThatSendsAnOversizedFrame() throws Exception {
        RecordingListener goodFrames = new RecordingListener();
        Connection good = client.connect(listener.endpoint(), c -> goodFrames).get(5, TimeUnit.SECONDS);
        RecordingListener badFrames = new RecordingListener();
        Connection bad = client.connect(listener.endpoint(), c -> badFrames).get(5, TimeUnit.SECONDS);
        EchoListener goodOnServer = nextAccepted();
        EchoListener badOnServer = nextAccepted();

        bad.send(TestFrame.of(MAX_FRAME_SIZE + 1, 1));

        assertThat(badOnServer.closed.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("exceeds the limit of " + MAX_FRAME_SIZE);
        assertThat(badFrames.awaitClose()).isNotNull();
        assertThat(bad.closeFuture()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(bad.isOpen()).isFalse();
        assertEchoes(good, goodFrames);
        assertThat(goodOnServer.closed).isNotDone();
    }

    @Test
    void shouldCloseAConnectionAnnouncingAHugeFrameWithoutWaitingForItsBody() throws Exception {
        try (RawPeer peer = new RawPeer(listener.endpoint())) {
            peer.write(ByteBuffer.allocate(12).put(FrameFormat.preface()).putInt(0xFFFF_FFF0).array());
            assertThat(peer.readUntilClosed()).isEqualTo(FrameFormat.PREFACE_LENGTH);
        }
        assertThat(nextAccepted().closed.get(5, TimeUnit.SECONDS))
                .hasMessageContaining("frame of 4294967280 bytes exceeds the limit");
    }

    @Test
    void shouldCloseAConnectionWhosePeerIsNotAnOrreryPeer() throws Exception {
        RecordingListener goodFrames = new RecordingListener();
        Connection good = client.connect(listener.endpoint(), c -> goodFrames).get(5, TimeUnit.SECONDS);
        try (RawPeer peer = new RawPeer(listener.endpoint())) {
            peer.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(peer.readUntilClosed()).isEqualTo(FrameFormat.PREFACE_LENGTH);
        }
        nextAccepted();
        assertThat(nextAccepted().closed.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("47 45 54 20 2F 20 48 54");
        assertEchoes(good, goodFrames);
    }

    @Test
    void shouldCloseAConnectionThatSendsAFrameShorterThanTheMinimum() throws Exception {
        int length = FrameFormat.MIN_FRAME_SIZE - 1;
        try (RawPeer peer = new RawPeer(listener.endpoint())) {
            peer.write(ByteBuffer.allocate(12 + length).put(FrameFormat.preface()).putInt(length).array());
            assertThat(peer.readUntilClosed()).isEqualTo(FrameFormat.PREFACE_LENGTH);
        }
        assertThat(nextAccepted().closed.get(5, TimeUnit.SECONDS))
                .hasMessageContaining("shorter than the minimum of " + FrameFormat.MIN_FRAME_SIZE);
    }

    @Test
    void shouldCloseTheConnectionWhoseListenerThrowsAndKeepServing() throws Exception {
        CompletableFuture<Throwable> failingClosed = new CompletableFuture<>();
        Listener failing = server.listen(Endpoint.parse("tcp://127.0.0.1:0"), c -> new FrameListener() {
            @Override
            public void onFrame(ByteBuffer frame) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onClose(Throwable cause) {
                failingClosed.complete(cause);
            }
        });
        RecordingListener frames = new RecordingListener();
        Connection connection = client.connect(failing.endpoint(), c -> frames).get(5, TimeUnit.SECONDS);
        connection.send(TestFrame.of(16, 1));
        assertThat(frames.awaitClose()).isEmpty();
        assertThat(failingClosed.get(5, TimeUnit.SECONDS)).hasMessage("listener bug");

        RecordingListener goodFrames = new RecordingListener();
        assertEchoes(client.connect(listener.endpoint(), c -> goodFrames).get(5, TimeUnit.SECONDS), goodFrames);
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "nio"})
    void shouldFailToConnectToAClosedPortNamingTheEndpoint(String backend) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Endpoint closed = Endpoint.parse("tcp://127.0.0.1:" + port);
        try (TcpTransport transport = new TcpTransport(config("connecting"), backend(backend))) {
            assertThatThrownBy(() -> transport.connect(closed, c -> new RecordingListener()).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot connect to tcp://127.0.0.1:" + port + ": Connection refused");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "nio"})
    void shouldFailToListenOnATakenPort(String backend) {
        Endpoint taken = listener.endpoint();
        try (TcpTransport transport = new TcpTransport(config("listening"), backend(backend))) {
            assertThatThrownBy(() -> transport.listen(taken, EchoListener::new))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot listen on " + taken + ": Address already in use");
        }
    }

    private static IoBackend backend(String name) {
        if (name.equals("nio")) {
            return IoBackend.nio();
        }
        assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
        return IoBackend.epoll();
    }

    @Test
    void shouldReportTheServerClosingTheConnectionPromptly() throws Exception {
        RecordingListener frames = new RecordingListener();
        Connection connection = client.connect(listener.endpoint(), c -> frames).get(5, TimeUnit.SECONDS);
        nextAccepted().connection.close();
        assertThat(frames.awaitClose()).isEmpty();
        assertThat(connection.closeFuture()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(connection.send(TestFrame.of(16, 1))).isFalse();
    }

    @Test
    void shouldReportAPeerThatVanishesWithAReset() throws Exception {
        RawPeer peer = new RawPeer(listener.endpoint());
        peer.write(FrameFormat.preface());
        EchoListener onServer = nextAccepted();
        peer.abort();
        Throwable cause = onServer.closed.get(5, TimeUnit.SECONDS);
        assertThat(cause).isInstanceOf(IOException.class);
        assertThat(onServer.connection.isOpen()).isFalse();
    }

    @Test
    void shouldReportAPeerThatClosesInTheMiddleOfAFrame() throws Exception {
        try (RawPeer peer = new RawPeer(listener.endpoint())) {
            peer.write(ByteBuffer.allocate(20).put(FrameFormat.preface()).putInt(100).array());
        }
        Optional<Throwable> cause = Optional.ofNullable(nextAccepted().closed.get(5, TimeUnit.SECONDS));
        assertThat(cause).get().asString().contains("12 bytes into a frame");
    }

    private EchoListener nextAccepted() throws InterruptedException {
        EchoListener echo = accepted.poll(5, TimeUnit.SECONDS);
        assertThat(echo).as("an accepted connection").isNotNull();
        return echo;
    }

    private static void assertEchoes(Connection connection, RecordingListener frames) throws Exception {
        TestFrame frame = TestFrame.of(100, 99);
        assertThat(connection.send(frame)).isTrue();
        assertThat(frames.next()).isEqualTo(frame.body());
    }
}
