package dev.orrery.internal.inproc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import dev.orrery.internal.wire.Hello;
import dev.orrery.internal.wire.WireException;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameListener;
import dev.orrery.transport.OutboundFrame;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer that breaks the protocol gets a CLOSE frame saying why, and loses its connection; every other
 * connection to the same server carries on.
 */
@Timeout(30)
class ProtocolErrorsTest {
    private Node server;
    private Transport raw;
    private Endpoint endpoint;

    /** A service to check that other connections still work. */
    @dev.orrery.Service("test.ping")
    public interface Ping {
        String ping();
    }

    @BeforeEach
    void start() {
        server = Node.create(NodeOptions.builder().name("strict").listen("inproc://strict-" + UUID.randomUUID())
                .handshakeTimeout(Duration.ofMillis(300)).build());
        server.serve(Ping.class, () -> "pong").start();
        endpoint = server.endpoints().getFirst();
        raw = new InProcessTransportProvider().create(new TransportConfig("raw", 1 << 20, Duration.ofSeconds(1), 0));
    }

    @AfterEach
    void stop() {
        raw.close();
        server.close();
    }

    @Test
    void shouldRefuseACallBeforeTheHandshake() throws Exception {
        RawPeer peer = connect();
        peer.send(Frame.call(FrameType.CALL, 1, 1000, dev.orrery.Codec.JSON, "test.ping".getBytes(),
                "ping".getBytes(), "[]".getBytes()));
        assertThat(peer.closeReason()).contains("expected HELLO first");
        assertOthersUnaffected();
    }

    @Test
    void shouldRefuseAnUnsupportedVersionWithAClearMessage() throws Exception {
        RawPeer peer = connect();
        peer.send(Frame.of(FrameType.HELLO, 0, new Hello(9, 7, 3, 1 << 20, 0, 1000, "future").encode()));
        Failure refusal = peer.closeFailure();
        assertThat(refusal.status()).isEqualTo(Status.FAILED_PRECONDITION);
        assertThat(refusal.message()).contains("7..9").contains("speaks 1");
        assertThat(peer.closed.get(5, TimeUnit.SECONDS)).isNull();
        assertOthersUnaffected();
    }

    @Test
    void shouldCloseTheConnectionOfAMalformedFrame() throws Exception {
        RawPeer peer = handshaken();
        peer.sendRaw(new byte[] {FrameType.CALL, 0, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 1});
        assertThat(peer.closeReason()).contains("headers");
        assertOthersUnaffected();
    }

    @Test
    void shouldCloseTheConnectionOfAFrameWithFlags() throws Exception {
        RawPeer peer = handshaken();
        peer.sendRaw(new byte[] {FrameType.PING, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8});
        assertThat(peer.closeReason()).contains("flags");
        assertOthersUnaffected();
    }

    @Test
    void shouldCloseTheConnectionOfAnUnknownFrameType() throws Exception {
        RawPeer peer = handshaken();
        peer.send(Frame.empty(0x7F, 3));
        assertThat(peer.closeReason()).contains("0x7f");
        assertOthersUnaffected();
    }

    @Test
    void shouldCloseASilentPeerAfterTheHandshakeTimeout() throws Exception {
        RawPeer peer = connect();
        assertThat(peer.closeFailure().status()).isEqualTo(Status.DEADLINE_EXCEEDED);
        assertThat(peer.closed.get(5, TimeUnit.SECONDS)).isNull();
        assertOthersUnaffected();
    }

    @Test
    void shouldAnswerPings() throws Exception {
        RawPeer peer = handshaken();
        peer.send(Frame.of(FrameType.PING, 42, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        Frame pong = peer.next();
        assertThat(pong.type()).isEqualTo(FrameType.PONG);
        assertThat(pong.correlationId()).isEqualTo(42);
        assertThat(pong.payload()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    private void assertOthersUnaffected() {
        try (Node client = Node.builder().name("bystander").build()) {
            assertThat(client.connect(Ping.class, endpoint).ping()).isEqualTo("pong");
        }
    }

    private RawPeer connect() throws Exception {
        RawPeer peer = new RawPeer();
        peer.connection = raw.connect(endpoint, connection -> peer).get(5, TimeUnit.SECONDS);
        return peer;
    }

    private RawPeer handshaken() throws Exception {
        RawPeer peer = connect();
        peer.send(Frame.of(FrameType.HELLO, 0, new Hello(1, 1, 3, 1 << 20, 0, 1000, "raw").encode()));
        assertThat(peer.next().type()).isEqualTo(FrameType.HELLO);
        return peer;
    }

    /** A peer that speaks frames by hand. */
    static final class RawPeer implements FrameListener {
        final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Throwable> closed = new CompletableFuture<>();
        Connection connection;

        @Override
        public void onFrame(ByteBuffer frame) {
            try {
                frames.add(Frame.decode(frame));
            } catch (WireException e) {
                throw new AssertionError("the server sent a malformed frame", e);
            }
        }

        @Override
        public void onClose(Throwable cause) {
            closed.complete(cause);
        }

        void send(Frame frame) {
            connection.send(frame);
        }

        void sendRaw(byte[] body) {
            connection.send(new OutboundFrame() {
                @Override
                public int encodedLength() {
                    return 4 + body.length;
                }

                @Override
                public void writeTo(ByteBuffer buffer) {
                    buffer.putInt(body.length).put(body);
                }
            });
        }

        Frame next() throws InterruptedException {
            Frame frame = frames.poll(5, TimeUnit.SECONDS);
            assertThat(frame).as("a frame from the server").isNotNull();
            return frame;
        }

        Failure closeFailure() throws Exception {
            Frame frame;
            do {
                frame = next();
            } while (frame.type() != FrameType.CLOSE);
            return Failure.decode(frame);
        }

        String closeReason() throws Exception {
            String reason = closeFailure().message();
            closed.get(5, TimeUnit.SECONDS);
            return reason;
        }
    }
}
