package dev.orrery.internal.inproc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import dev.orrery.internal.wire.Hello;
import dev.orrery.internal.wire.WireException;
import dev.orrery.transport.Connection;
import dev.orrery.transport.FrameListener;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import dev.orrery.transport.TransportConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A peer that goes silent is declared dead by keep-alive, long before the deadline of calls to it. */
@Timeout(30)
class KeepAliveTest {

    /** A service nobody will answer. */
    @dev.orrery.Service("test.void")
    public interface Void {
        String hello();
    }

    @Test
    void shouldFailCallsToASilentPeerWithUnavailableWithinTheKeepAliveTimeout() throws Exception {
        Endpoint endpoint = Endpoint.parse("inproc://silent-" + UUID.randomUUID());
        try (Transport raw = new InProcessTransportProvider().create(
                new TransportConfig("silent", 1 << 20, Duration.ofSeconds(1), 0));
             Listener listener = raw.listen(endpoint, SilentServer::new);
             Node client = Node.create(NodeOptions.builder().name("client").defaultDeadline(Duration.ofSeconds(20))
                     .keepAliveInterval(Duration.ofMillis(200)).keepAliveTimeout(Duration.ofMillis(600)).build())) {
            Void proxy = client.connect(Void.class, listener.endpoint());
            long start = System.nanoTime();
            assertThatThrownBy(proxy::hello).isInstanceOf(OrreryException.class)
                    .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.UNAVAILABLE))
                    .hasMessageContaining("no frame for");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    /** Completes the handshake, then never says anything again: not even PONG. */
    private static final class SilentServer implements FrameListener {
        private final Connection connection;

        SilentServer(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void onFrame(ByteBuffer bytes) {
            try {
                if (Frame.decode(bytes).type() == FrameType.HELLO) {
                    connection.send(Frame.of(FrameType.HELLO, 0,
                            new Hello(1, 1, 3, 1 << 20, 64, 60_000, "silent").encode()));
                }
            } catch (WireException e) {
                throw new AssertionError("the client sent a malformed frame", e);
            }
        }

        @Override
        public void onClose(Throwable cause) {
            // Nothing to release.
        }
    }
}
