package dev.orrery.bench;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The pong side of the raw floor, in the server child: one thread that busy-spins on the next request's slot and
 * copies each request's payload into the echo's slot, then publishes it.
 */
final class FloorPong {

    private FloorPong() {
    }

    /**
     * Maps the floor's file and starts echoing.
     *
     * @param file the file the bench created
     * @return the running pong, whose port is 0
     * @throws IOException when the file cannot be mapped
     */
    static BenchServer.Running serve(Path file) throws IOException {
        FloorRings rings = FloorRings.open(file);
        return ServingLoop.start(0, "floor-pong", running -> echo(rings, running), rings);
    }

    /** The pong thread, which owns the mapping until it stops. */
    private static void echo(FloorRings rings, BooleanSupplier running) {
        MemorySegment memory = rings.memory();
        long payload = rings.payload();
        long number = 1;
        while (running.getAsBoolean()) {
            long request = rings.request(number);
            if (!rings.arrived(request, number)) {
                Thread.onSpinWait();
                continue;
            }
            long echo = rings.echo(number);
            MemorySegment.copy(memory, FloorRings.payloadOf(request), memory, FloorRings.payloadOf(echo), payload);
            rings.publish(echo, number);
            number++;
        }
    }
}
