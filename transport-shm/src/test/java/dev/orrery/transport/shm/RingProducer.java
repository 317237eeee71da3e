package dev.orrery.transport.shm;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A child JVM for {@link RingAcrossProcessesTest}: maps {@code args[0]}, writes {@code args[1]} records of
 * the {@link RingTraffic} of seed {@code args[3]} into its first ring, then a close record.
 */
public final class RingProducer {

    private RingProducer() {
    }

    /**
     * @param args the file, how many records, the ring's capacity, the seed
     * @throws IOException when the file cannot be mapped
     */
    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[1]);
        Segment segment = Segment.map(Path.of(args[0]), Integer.parseInt(args[2]), false);
        Ring ring = segment.clientToServer();
        RingTraffic traffic = new RingTraffic(Long.parseLong(args[3]), ring.maxBody());
        System.out.println("MAPPED");
        for (int i = 0; i < count; i++) {
            traffic.writeNext(ring);
        }
        RingTraffic.writeClose(ring);
        System.out.println("DONE");
        segment.arena().close();
    }
}
