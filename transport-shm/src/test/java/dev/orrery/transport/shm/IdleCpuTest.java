package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import dev.orrery.testkit.RecordingListener;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** What an idle hybrid connection costs: the CPU time of its reader threads over a few idle seconds. */
@Tag("slow")
class IdleCpuTest {

    @Test
    @Timeout(30)
    void shouldCostAlmostNoCpuWhenIdleInHybrid() throws Exception {
        Endpoint endpoint = Endpoint.parse("shm://idle-" + Long.toHexString(ThreadLocalRandom.current().nextLong()
                >>> 1));
        try (Transport server = ShmTestSupport.transport("idle-server");
                Transport client = ShmTestSupport.transport("idle-client");
                Listener listener = server.listen(endpoint, c -> new RecordingListener())) {
            client.connect(endpoint, c -> new RecordingListener()).get(5, TimeUnit.SECONDS);
            Thread.sleep(500);
            long before = readerCpuNanos();
            long start = System.nanoTime();
            Thread.sleep(3_000);
            double percent = 100.0 * (readerCpuNanos() - before) / (System.nanoTime() - start);
            System.out.printf("idle hybrid connection: %.3f%% of one core (both reader threads)%n", percent);
            assertThat(percent).isLessThan(1.0);
            assertThat(listener.endpoint()).isEqualTo(endpoint);
        }
    }

    private static long readerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("orrery-shm-idle-")) {
                total += threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return total;
    }
}
