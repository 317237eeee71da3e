package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.testkit.TransportConformance;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;

/** The transport conformance suite over shared memory. */
class SharedMemoryConformanceTest extends TransportConformance {

    private static final List<String> NAMES = new CopyOnWriteArrayList<>();

    @Override
    protected String listenEndpoint() {
        String name = "conf-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        NAMES.add(name);
        return "shm://" + name;
    }

    /**
     * A server killed with {@code kill -9} leaves its socket file behind, as any Unix socket server does; the
     * next listen on its name removes it. Segments never outlive a connection's set-up.
     */
    @AfterAll
    static void shouldLeaveNothingBehindOnceStaleFilesAreRemoved() throws IOException {
        for (String name : NAMES) {
            assertThat(ShmTestSupport.filesOf(name + "-")).as("segments of %s", name).isEmpty();
            ShmFiles.fromSystem().removeStale(name);
            assertThat(ShmTestSupport.filesOf(name)).as("files of %s", name).isEmpty();
        }
    }
}
