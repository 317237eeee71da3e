package dev.orrery.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.Codec;
import dev.orrery.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The frame codec: what is encoded decodes to the same frame, and no input breaks the decoder. */
class FrameTest {

    @Property(tries = 500)
    void shouldDecodeWhatItEncodes(@ForAll("types") int type, @ForAll long correlationId,
                                   @ForAll("deadlines") long deadline, @ForAll("codecs") Codec codec,
                                   @ForAll @StringLength(max = 200) String service,
                                   @ForAll @StringLength(max = 200) String method,
                                   @ForAll @Size(max = 5000) byte[] payload) throws WireException {
        Frame frame = Frame.call(type, correlationId, deadline, codec, service.getBytes(StandardCharsets.UTF_8),
                method.getBytes(StandardCharsets.UTF_8), payload);
        assertThat(Frame.callSize(frame.service(), frame.method(), payload.length))
                .isEqualTo(frame.encodedLength() - 4);
        Frame decoded = roundTrip(frame);
        assertThat(decoded.type()).isEqualTo(type);
        assertThat(decoded.correlationId()).isEqualTo(correlationId);
        assertThat(decoded.deadlineMicros()).isEqualTo(deadline);
        assertThat(decoded.codec()).isEqualTo(codec.id());
        assertThat(decoded.serviceName()).isEqualTo(service);
        assertThat(decoded.methodName()).isEqualTo(method);
        assertThat(decoded.payload()).isEqualTo(payload);
    }

    @Property(tries = 2000)
    void shouldRejectRandomBytesOnlyWithWireException(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            Frame frame = Frame.decode(ByteBuffer.wrap(bytes));
            decodeBodies(frame);
        } catch (WireException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void shouldRejectMutatedFramesOnlyWithWireException(@ForAll("mutations") int[] flips) {
        Frame frame = Frame.call(FrameType.CALL, 7, 1000, Codec.MSGPACK, "demo.echo".getBytes(StandardCharsets.UTF_8),
                "echo".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x91, (byte) 0xA2, 'h', 'i'});
        ByteBuffer buffer = ByteBuffer.allocate(frame.encodedLength());
        frame.writeTo(buffer);
        byte[] bytes = buffer.array();
        for (int i = 0; i + 1 < flips.length; i += 2) {
            int at = 4 + Math.floorMod(flips[i], bytes.length - 4);
            bytes[at] = (byte) flips[i + 1];
        }
        try {
            decodeBodies(Frame.decode(ByteBuffer.wrap(bytes, 4, bytes.length - 4)));
        } catch (WireException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private static void decodeBodies(Frame frame) throws WireException {
        switch (frame.type()) {
            case FrameType.HELLO -> Hello.decode(frame);
            case FrameType.ERROR, FrameType.CLOSE -> Failure.decode(frame);
            default -> {
                // Other payloads are opaque to the wire layer.
            }
        }
    }

    @Property(tries = 200)
    void shouldRoundTripHelloAndFailure(@ForAll @StringLength(max = 2000) String text) throws WireException {
        Hello hello = new Hello(1, 1, 3, 1 << 20, 64, 1000, text);
        Hello decoded = Hello.decode(Frame.of(FrameType.HELLO, 0, hello.encode()));
        assertThat(decoded.maxInFlight()).isEqualTo(64);
        assertThat(text).startsWith(decoded.identity().isEmpty() ? "" : decoded.identity().substring(0,
                Math.min(decoded.identity().length(), 1)));
        Failure failure = new Failure(Status.NOT_FOUND, text, "java.lang.Thing");
        Failure back = Failure.decode(Frame.of(FrameType.ERROR, 1, failure.encode()));
        assertThat(back.status()).isEqualTo(Status.NOT_FOUND);
        assertThat(text).startsWith(back.message());
        assertThat(back.remoteType()).isEqualTo("java.lang.Thing");
    }

    @Property(tries = 50)
    void shouldRejectNonZeroFlags(@ForAll("nonZeroFlags") int flags) {
        Frame frame = new Frame(FrameType.PING, flags, 0, -1, -1, null, null, null, null, new byte[8], 0, 8);
        assertThatThrownBy(() -> roundTrip(frame)).isInstanceOf(WireException.class).hasMessageContaining("flags");
    }

    private static Frame roundTrip(Frame frame) throws WireException {
        ByteBuffer buffer = ByteBuffer.allocate(frame.encodedLength());
        frame.writeTo(buffer);
        assertThat(buffer.remaining()).isZero();
        buffer.flip();
        assertThat(buffer.getInt()).isEqualTo(frame.encodedLength() - 4);
        return Frame.decode(buffer);
    }

    @Provide
    Arbitrary<Integer> types() {
        return Arbitraries.of(FrameType.CALL, FrameType.ONE_WAY);
    }

    @Provide
    Arbitrary<Long> deadlines() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    @Provide
    Arbitrary<Codec> codecs() {
        return Arbitraries.of(Codec.class);
    }

    @Provide
    Arbitrary<int[]> mutations() {
        return Arbitraries.integers().array(int[].class).ofMinSize(2).ofMaxSize(12);
    }

    @Provide
    Arbitrary<Integer> nonZeroFlags() {
        return Arbitraries.integers().between(1, 255);
    }
}
