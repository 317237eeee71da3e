package dev.orrery.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import dev.orrery.testkit.RecordingListener;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameFormat;
import dev.orrery.transport.Listener;
import dev.orrery.transport.TransportConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Frames that go out come back whole and in order; every I/O backend reruns this suite. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
abstract class TcpRoundTripSuite {

    /** Small, so that a frame exactly at the limit is quick to send. */
    static final int MAX_FRAME_SIZE = 2 * 1024 * 1024;

    private TcpTransport server;
    private TcpTransport client;
    private Listener listener;
    private RecordingListener received;
    private Connection connection;

    abstract IoBackend backend();

    @BeforeEach
    void start() throws Exception {
        server = new TcpTransport(new TransportConfig("server", MAX_FRAME_SIZE, Duration.ofSeconds(5), 1), backend());
        client = new TcpTransport(new TransportConfig("client", MAX_FRAME_SIZE, Duration.ofSeconds(5), 2), backend());
        listener = server.listen(Endpoint.parse("tcp://127.0.0.1:0"), EchoListener::new);
        received = new RecordingListener();
        connection = client.connect(listener.endpoint(), c -> received).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldReportTheRealPortAndTheRemoteAddress() {
        int port = listener.endpoint().port();
        assertThat(port).isPositive();
        assertThat(listener.endpoint()).hasToString("tcp://127.0.0.1:" + port);
        assertThat(connection.remoteAddress()).isEqualTo("tcp://127.0.0.1:" + port);
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void shouldEchoFramesInOrder() throws Exception {
        List<TestFrame> sent = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            TestFrame frame = TestFrame.of(FrameFormat.MIN_FRAME_SIZE + i % 300, i);
            sent.add(frame);
            assertThat(connection.send(frame)).isTrue();
        }
        for (TestFrame frame : sent) {
            assertThat(received.next()).isEqualTo(frame.body());
        }
    }

    @Test
    void shouldKeepEachSendersOrderWhenThreadsSendConcurrently() throws Exception {
        int threads = 8;
        int perThread = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long sender = t;
            senders.add(Thread.ofPlatform().start(() -> {
                awaitQuietly(go);
                for (int i = 0; i < perThread; i++) {
                    connection.send(TestFrame.of(FrameFormat.MIN_FRAME_SIZE + 4, sender << 32 | i));
                }
            }));
        }
        go.countDown();
        long[] nextOf = new long[threads];
        for (int n = 0; n < threads * perThread; n++) {
            long tag = ByteBuffer.wrap(received.next()).getLong();
            int sender = (int) (tag >>> 32);
            assertThat(tag & 0xFFFF_FFFFL).as("frame of sender %d", sender).isEqualTo(nextOf[sender]);
            nextOf[sender]++;
        }
        for (Thread sender : senders) {
            sender.join();
        }
        assertThat(nextOf).containsOnly(perThread);
    }

    @Test
    void shouldCarryBodiesFromTheMinimumToOneMebibyte() throws Exception {
        int[] sizes = {12, 13, 100, 4_095, 4_096, 65_535, 65_536, 65_537, 300_000, 1024 * 1024};
        for (int i = 0; i < sizes.length; i++) {
            connection.send(TestFrame.of(sizes[i], i));
        }
        for (int i = 0; i < sizes.length; i++) {
            assertThat(received.next()).as("body of %d bytes", sizes[i]).isEqualTo(TestFrame.of(sizes[i], i).body());
        }
    }

    @Test
    void shouldCarryAFrameExactlyAtTheLimit() throws Exception {
        TestFrame largest = TestFrame.of(MAX_FRAME_SIZE, 42);
        connection.send(largest);
        connection.send(TestFrame.of(FrameFormat.MIN_FRAME_SIZE, 43));
        assertThat(received.next()).isEqualTo(largest.body());
        assertThat(received.next()).isEqualTo(TestFrame.of(FrameFormat.MIN_FRAME_SIZE, 43).body());
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void shouldDeliverBigEndianViewsOnTheTransportsIoThreads() throws Exception {
        connection.send(TestFrame.of(64, 7));
        received.next();
        assertThat(received.bigEndian()).isTrue();
        assertThat(received.frameThread()).matches("orrery-tcp-client-[12]");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
