package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A supervisor killed with {@code -9} leaves no worker behind: each notices its control line close, and exits. */
@Timeout(90)
class NoOrphansTest {

    @TempDir
    Path dir;

    @Test
    void shouldEndEveryWorkerWhenTheSupervisorIsKilledWithSignalNine() throws Exception {
        ConfigFile config = ConfigFile.write(dir, RunningSupervisor.HEADER + """
                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]
                min-workers = 2
                max-workers = 2

                [services.kv]
                classes = ["dev.orrery.examples.KeyValueService"]
                """);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process supervisor = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", System.getProperty("java.class.path"),
                SupervisorInAProcess.class.getName(), config.path().toString())
                .redirectError(dir.resolve("supervisor.err").toFile()).start();
        try {
            List<Long> workers = workersOf(supervisor);
            assertThat(workers).hasSize(3).allMatch(RunningSupervisor::alive);

            supervisor.destroyForcibly();
            assertThat(supervisor.waitFor(10, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(workers).noneMatch(RunningSupervisor::alive));
        } finally {
            supervisor.destroyForcibly();
        }
    }

    private static List<Long> workersOf(Process supervisor) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(supervisor.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(SupervisorInAProcess.WORKERS)) {
                return Arrays.stream(line.substring(SupervisorInAProcess.WORKERS.length()).split(" "))
                        .map(Long::parseLong).toList();
            }
        }
        throw new AssertionError("the supervisor ended before its workers ran; see its stderr in the test's "
                + "directory" + File.separator + "supervisor.err");
    }
}
