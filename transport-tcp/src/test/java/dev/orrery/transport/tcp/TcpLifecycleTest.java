package dev.orrery.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orrery.Endpoint;
import dev.orrery.testkit.RecordingListener;
import dev.orrery.transport.Connection;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import dev.orrery.transport.TransportProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Opening, closing, and what a closed connection, listener or transport still does. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TcpLifecycleTest {

    private TcpTransport server;
    private TcpTransport client;
    private Listener listener;
    private final BlockingQueue<RecordingListener> accepted = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        server = new TcpTransport(config("server"), IoBackend.best());
        client = new TcpTransport(config("client"), IoBackend.best());
        listener = server.listen(Endpoint.parse("tcp://127.0.0.1:0"), connection -> {
            RecordingListener frames = new RecordingListener();
            accepted.add(frames);
            return frames;
        });
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static TransportConfig config(String name) {
        return new TransportConfig(name, 1024 * 1024, Duration.ofSeconds(2), 0);
    }

    @Test
    void shouldRefuseToSendAfterClose() throws Exception {
        RecordingListener frames = new RecordingListener();
        Connection connection = client.connect(listener.endpoint(), c -> frames).get(5, TimeUnit.SECONDS);
        connection.close();
        connection.close();

        assertThat(connection.send(TestFrame.of(16, 1))).isFalse();
        assertThat(connection.isOpen()).isFalse();
        assertThat(connection.closeFuture()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(frames.awaitClose()).isEmpty();
        assertThat(frames.closeCount()).isEqualTo(1);
    }

    @Test
    void shouldWriteQueuedFramesBeforeClosing() throws Exception {
        Connection connection = client.connect(listener.endpoint(), c -> new RecordingListener())
                .get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 1_000; i++) {
            connection.send(TestFrame.of(1_000, i));
        }
        connection.close();

        RecordingListener onServer = accepted.poll(5, TimeUnit.SECONDS);
        assertThat(onServer).isNotNull();
        assertThat(onServer.awaitClose()).isEmpty();
        assertThat(onServer.frames()).hasSize(1_000);
        assertThat(onServer.framesAfterClose()).isZero();
    }

    @Test
    void shouldKeepAcceptedConnectionsWhenTheListenerCloses() throws Exception {
        RecordingListener frames = new RecordingListener();
        Connection connection = client.connect(listener.endpoint(), c -> frames).get(5, TimeUnit.SECONDS);
        RecordingListener onServer = accepted.poll(5, TimeUnit.SECONDS);
        listener.close();

        assertThat(connection.send(TestFrame.of(32, 5))).isTrue();
        assertThat(onServer.next()).isEqualTo(TestFrame.of(32, 5).body());
        assertThatThrownBy(() -> client.connect(listener.endpoint(), c -> new RecordingListener())
                .get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void shouldCloseConnectionsAndStopThreadsWhenTheTransportCloses() throws Exception {
        RecordingListener frames = new RecordingListener();
        Connection connection = client.connect(listener.endpoint(), c -> frames).get(5, TimeUnit.SECONDS);
        RecordingListener onServer = accepted.poll(5, TimeUnit.SECONDS);
        client.close();

        assertThat(frames.awaitClose()).isEmpty();
        assertThat(onServer.awaitClose()).isEmpty();
        assertThat(connection.isOpen()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("orrery-tcp-client-")));
        assertThatThrownBy(() -> client.connect(listener.endpoint(), c -> frames))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseEndpointsOfOtherSchemes() {
        assertThatThrownBy(() -> server.listen(Endpoint.parse("shm://segment"), c -> new RecordingListener()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shm://segment");
    }

    @Test
    void shouldWriteIpv6AddressesInBrackets() {
        assertThat(TcpConnection.describe(new InetSocketAddress("::1", 7070)))
                .isEqualTo("tcp://[0:0:0:0:0:0:0:1]:7070");
        assertThat(TcpTransport.hostPort("::1", 7070)).isEqualTo("[::1]:7070");
        assertThat(TcpTransport.hostPort("127.0.0.1", 7070)).isEqualTo("127.0.0.1:7070");
    }

    @Test
    void shouldBeFoundByTheServiceLoader() {
        TransportProvider provider = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.scheme().equals("tcp"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(TcpTransportProvider.class);
        try (Transport transport = provider.create(config("loaded"))) {
            assertThat(transport.scheme()).isEqualTo("tcp");
        }
    }
}
