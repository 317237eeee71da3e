package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.testkit.JvmProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ring shared by two processes: a child JVM produces the records of a seeded {@link RingTraffic}, and this
 * JVM checks the size and every byte of each, and each spill record, in order.
 */
class RingAcrossProcessesTest {

    private static final Duration CONSUMER_TIME = Duration.ofSeconds(15);

    /** Random sizes through rings small enough to wrap hundreds of times; a few child JVMs, a few seconds. */
    @Property(tries = 5, shrinking = ShrinkingMode.OFF)
    void shouldCarrySeededRecordsIntactAcrossTheWrapFromAnotherProcess(@ForAll long seed,
            @ForAll @IntRange(min = 9, max = 14) int capacityBits) throws Exception {
        Path dir = Files.createTempDirectory("orrery-ring-");
        try {
            consume(dir, 1 << capacityBits, 3_000, seed);
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    /** Many records through a ring of a page, for volume. */
    @Test
    @Timeout(60)
    void shouldCarryManyRecordsInOrderFromAnotherProcess(@TempDir Path dir) throws Exception {
        consume(dir, 4096, 200_000, 7);
    }

    private static void consume(Path dir, int capacity, int count, long seed) throws Exception {
        Path file = dir.resolve("orrery-ring-test.shm");
        Segment segment = Segment.create(file, capacity);
        try (JvmProcess child = JvmProcess.start(RingProducer.class, file.toString(), Integer.toString(count),
                Integer.toString(capacity), Long.toString(seed))) {
            Ring ring = segment.clientToServer();
            RingTraffic expected = new RingTraffic(seed, ring.maxBody());
            boolean closed = expected.checkUntilClosed(ring, CONSUMER_TIME);
            assertThat(closed).as("close record seen (seed %d, capacity %d)\n%s", seed, capacity,
                    child.transcript()).isTrue();
            assertThat(expected.count()).as("records checked").isEqualTo(count);
            child.awaitLine("DONE"::equals, Duration.ofSeconds(10));
        } finally {
            segment.arena().close();
            Files.deleteIfExists(file);
        }
    }
}
