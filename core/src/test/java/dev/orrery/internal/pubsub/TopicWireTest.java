package dev.orrery.internal.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.Status;
import dev.orrery.internal.wire.Failure;
import dev.orrery.internal.wire.Frame;
import dev.orrery.internal.wire.FrameType;
import dev.orrery.internal.wire.WireException;
import dev.orrery.pubsub.Delivery;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TopicWireTest {

    @Test
    void shouldCarryAnAttachThroughTheWire() throws Exception {
        TopicWire.Attach attach = new TopicWire.Attach(Delivery.SYNC, 7, "3fa2c1d0e9b87a65", "market.fx.eurusd",
                "pub@h1/42#1");
        Frame frame = roundTrip(TopicWire.attach(5, attach));
        assertThat(frame.type()).isEqualTo(FrameType.SUBSCRIBE);
        assertThat(frame.correlationId()).isEqualTo(5);
        assertThat(TopicWire.attach(frame)).isEqualTo(attach);
    }

    @Test
    void shouldCarryBothFormsOfAck() throws Exception {
        assertThat(TopicWire.ack(roundTrip(TopicWire.ack(1, 12)))).isEqualTo(new TopicWire.Ack(12, -1, null));
        assertThat(TopicWire.ack(roundTrip(TopicWire.ack(1, 99, null)))).isEqualTo(new TopicWire.Ack(1, 99, null));
        TopicWire.Ack failed = TopicWire.ack(roundTrip(TopicWire.ack(1, 99, Failure.of(Status.INTERNAL, "boom"))));
        assertThat(failed.sequence()).isEqualTo(99);
        assertThat(failed.failure().status()).isEqualTo(Status.INTERNAL);
        assertThat(failed.failure().message()).isEqualTo("boom");
    }

    @Test
    void shouldNumberMessagesInTheirPayload() throws Exception {
        byte[] payload = TopicWire.message(41, new byte[] {1, 2, 3});
        Frame frame = roundTrip(TopicWire.publish(9, dev.orrery.Codec.RAW, payload));
        assertThat(TopicWire.sequence(frame)).isEqualTo(41);
        assertThat(frame.payloadLength()).isEqualTo(TopicWire.SEQUENCE_BYTES + 3);
    }

    @Test
    void shouldRefuseWhatBreaksTheRules() {
        TopicWire.Attach wildcard = new TopicWire.Attach(Delivery.ASYNC, 16, "id", "market.*", "p");
        assertThatThrownBy(() -> TopicWire.attach(TopicWire.attach(1, wildcard)))
                .isInstanceOf(WireException.class).hasMessageContaining("topic");
        TopicWire.Attach noWindow = new TopicWire.Attach(Delivery.ASYNC, 0, "id", "market", "p");
        assertThatThrownBy(() -> TopicWire.attach(TopicWire.attach(1, noWindow)))
                .isInstanceOf(WireException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> TopicWire.ack(Frame.of(FrameType.ACK, 1, new byte[4])))
                .isInstanceOf(WireException.class).hasMessageContaining("releases 0");
        Frame twoNamed = Frame.of(FrameType.ACK, 1, ByteBuffer.allocate(12).putInt(2).putLong(5).array());
        assertThatThrownBy(() -> TopicWire.ack(twoNamed)).isInstanceOf(WireException.class)
                .hasMessageContaining("one slot");
        assertThatThrownBy(() -> TopicWire.sequence(Frame.of(FrameType.PUBLISH, 1, new byte[7])))
                .isInstanceOf(WireException.class).hasMessageContaining("sequence");
    }

    @Property(tries = 2000)
    void shouldDecodeOrRefuseAnySubscribePayload(@ForAll @Size(max = 64) byte[] payload) {
        try {
            TopicWire.Attach attach = TopicWire.attach(Frame.of(FrameType.SUBSCRIBE, 1, payload));
            assertThat(attach.window()).isBetween(1, 65_536);
        } catch (WireException expected) {
            assertThat(expected.getMessage()).startsWith("SUBSCRIBE");
        }
    }

    @Property(tries = 2000)
    void shouldDecodeOrRefuseAnyAckPayload(@ForAll @Size(max = 40) byte[] payload) {
        try {
            TopicWire.Ack ack = TopicWire.ack(Frame.of(FrameType.ACK, 1, payload));
            assertThat(ack.count()).isPositive();
        } catch (WireException expected) {
            assertThat(expected.getMessage()).contains("ACK");
        }
    }

    private static Frame roundTrip(Frame frame) throws WireException {
        ByteBuffer buffer = ByteBuffer.allocate(frame.encodedLength());
        frame.writeTo(buffer);
        buffer.flip();
        buffer.getInt();
        return Frame.decode(buffer);
    }
}
