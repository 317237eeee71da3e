package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.testkit.JvmProcess;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One ring shared by two processes: a child JVM produces sequence numbers, this JVM checks their order. */
class RingAcrossProcessesTest {

    private static final int CAPACITY = 4096;
    private static final int COUNT = 200_000;

    @Test
    @Timeout(60)
    void shouldCarrySequenceNumbersInOrderFromAnotherProcess(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("orrery-ring-test.shm");
        Segment segment = Segment.create(file, CAPACITY);
        try (JvmProcess child = JvmProcess.start(RingProducer.class, file.toString(), Integer.toString(COUNT),
                Integer.toString(CAPACITY))) {
            Ring ring = segment.clientToServer();
            long[] next = {0};
            boolean[] closed = {false};
            Ring.RecordHandler check = new Ring.RecordHandler() {
                @Override
                public boolean onRecord(ByteBuffer body) {
                    assertThat(body.getLong(0)).isEqualTo(next[0]);
                    next[0]++;
                    return true;
                }

                @Override
                public void onCloseRecord() {
                    closed[0] = true;
                }
            };
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
            while (!closed[0] && System.nanoTime() < deadline) {
                if (ring.read(check, 256) == 0) {
                    Thread.onSpinWait();
                }
            }
            assertThat(closed[0]).as("close record seen\n%s", child.transcript()).isTrue();
            assertThat(next[0]).isEqualTo(COUNT);
            child.awaitLine("DONE"::equals, Duration.ofSeconds(10));
        } finally {
            segment.arena().close();
            Files.deleteIfExists(file);
        }
    }
}
