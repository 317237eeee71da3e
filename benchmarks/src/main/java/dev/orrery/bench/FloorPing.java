package dev.orrery.bench;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The ping side of the raw floor, in the client child: writes each request's payload from an array into its
 * slot and publishes it, and copies each echo's payload back into an array, as a receiver would. Request
 * {@code s} of {@link PipelinedPing} is message {@code s + 1} in the file, whose zeroes mean "no message yet".
 */
final class FloorPing implements EchoPipe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final FloorRings rings;
    private final MemorySegment memory;
    private final byte[] payload;
    private final byte[] received;
    private long nextRequest = 1;
    private long nextEcho = 1;

    private FloorPing(FloorRings rings) {
        this.rings = rings;
        this.memory = rings.memory();
        this.payload = EchoMethod.asciiPayload(rings.payload());
        this.received = new byte[rings.payload()];
    }

    /**
     * Maps the floor's file and makes a first round trip with the pong side.
     *
     * @param file the file the bench created, which the pong side has mapped
     * @return the pipe
     * @throws IOException when the file cannot be mapped
     */
    static FloorPing connect(Path file) throws IOException {
        FloorRings rings = FloorRings.open(file);
        try {
            FloorPing ping = new FloorPing(rings);
            ping.firstRoundTrip(CONNECT_TIMEOUT, "the floor's pong side at " + file);
            return ping;
        } catch (RuntimeException e) {
            rings.close();
            throw e;
        }
    }

    @Override
    public boolean send(long sequence) {
        long number = sequence + 1;
        if (number != nextRequest) {
            throw new IllegalStateException("request " + sequence + " came out of order: the floor numbers "
                    + "requests one after the other");
        }
        long slot = rings.request(number);
        MemorySegment.copy(payload, 0, memory, ValueLayout.JAVA_BYTE, FloorRings.payloadOf(slot), payload.length);
        rings.publish(slot, number);
        nextRequest++;
        return true;
    }

    @Override
    public long receive() {
        long slot = rings.echo(nextEcho);
        if (!rings.arrived(slot, nextEcho)) {
            return -1;
        }
        MemorySegment.copy(memory, ValueLayout.JAVA_BYTE, FloorRings.payloadOf(slot), received, 0, received.length);
        return nextEcho++ - 1;
    }

    @Override
    public void close() {
        rings.close();
    }
}
