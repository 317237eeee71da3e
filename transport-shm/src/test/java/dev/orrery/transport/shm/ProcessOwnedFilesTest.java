package dev.orrery.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import dev.orrery.transport.Listener;
import dev.orrery.transport.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The files of endpoints named {@code node-PID-…}, which only process PID serves, go when that process has. */
@Timeout(30)
class ProcessOwnedFilesTest {

    @Test
    void shouldRemoveTheFilesOfADeadProcessOwnedEndpointWhenAnyEndpointStarts() throws Exception {
        long dead = ShmTestSupport.deadPid();
        long alive = ProcessHandle.current().pid();
        Path directory = ShmFiles.fromSystem().directory();
        Path deadSocket = Files.createFile(directory.resolve("orrery-node-" + dead + "-40123.sock"));
        Path deadSegment = Files.createFile(directory.resolve("orrery-node-" + dead + "-40123-" + dead + "-1.shm"));
        Path liveSocket = Files.createFile(directory.resolve("orrery-node-" + alive + "-40999.sock"));
        String name = "owned-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        try (Transport transport = ShmTestSupport.transport("owned");
                Listener listener = transport.listen(Endpoint.parse("shm://" + name), c -> null)) {
            assertThat(listener.endpoint().address()).isEqualTo(name);
            assertThat(deadSocket).doesNotExist();
            assertThat(deadSegment).doesNotExist();
            assertThat(liveSocket).as("the file of a live process stays").exists();
        } finally {
            Files.deleteIfExists(liveSocket);
            Files.deleteIfExists(deadSocket);
            Files.deleteIfExists(deadSegment);
        }
    }
}
