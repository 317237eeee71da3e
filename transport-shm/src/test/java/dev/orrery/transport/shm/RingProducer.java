package dev.orrery.transport.shm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * A child JVM for {@link RingAcrossProcessesTest}: maps {@code args[0]} and writes {@code args[1]} sequence
 * numbers into its first ring, each in a record of random size, then a close record.
 */
public final class RingProducer {

    private RingProducer() {
    }

    /**
     * @param args the file, how many numbers, the ring's capacity
     * @throws IOException when the file cannot be mapped
     */
    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[1]);
        Segment segment = Segment.map(Path.of(args[0]), Integer.parseInt(args[2]), false);
        Ring ring = segment.clientToServer();
        Random random = new Random(7);
        System.out.println("MAPPED");
        for (long number = 0; number < count; number++) {
            int size = Long.BYTES + random.nextInt(200);
            int index;
            while ((index = ring.tryClaim(size)) < 0) {
                Thread.onSpinWait();
            }
            ring.body(index, size).putLong(number);
            ring.commit(size);
        }
        while (ring.tryClaim(0) < 0) {
            Thread.onSpinWait();
        }
        ring.commit(Ring.CLOSE);
        System.out.println("DONE");
        segment.arena().close();
    }
}
