package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Aeron and the raw floor for real: a pong child and a ping child per run, plain ping-pong and 64 outstanding,
 * and nothing left behind in {@code /dev/shm}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PairBenchEndToEndTest {

    /** The benchmarks' own files in the scratch directory: Orrery's shm sockets, Aeron's directory, the floor's. */
    static Set<String> benchFiles() throws IOException {
        try (Stream<Path> files = Files.list(ScratchPath.scratchDirectory())) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("orrery-bench"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void shouldMeasureAeronOverIpcInTwoChildren() throws Exception {
        measureBothWays(BenchSystem.AERON);
    }

    @Test
    void shouldMeasureTheFloorThroughOneMappedFile() throws Exception {
        measureBothWays(BenchSystem.FLOOR);
    }

    private static void measureBothWays(BenchSystem system) throws Exception {
        Set<String> before = benchFiles();
        StringWriter progress = new StringWriter();
        record Run(int payload, int concurrency) {
        }
        for (Run run : new Run[] {new Run(64, 1), new Run(4096, 64)}) {
            PairScenario scenario = new PairScenario(system, run.payload(), run.concurrency(),
                    Duration.ofMillis(200), Duration.ofMillis(300));

            RpcResult result = scenario.run(GrpcBenchEndToEndTest.testClassPath(), new PrintWriter(progress, true));

            assertThat(result.errors()).as(run + "\n" + progress).isZero();
            assertThat(result.p50Us()).isPositive().isLessThanOrEqualTo(result.p999Us());
            assertThat(result.elapsedNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
            assertThat(result.payload()).isEqualTo(run.payload());
            String row = JsonRows.format(result);
            assertThat(JsonRowsTest.assertMeasuredRow(row).get("transport").asText())
                    .isEqualTo(system.transport());
            assertThat(row).contains("\"system\":\"" + system.label() + "\"",
                    "\"concurrency\":" + run.concurrency());
        }
        assertThat(progress.toString()).contains(system.label() + " " + system.transport()
                + " c=1: starting the pong and ping children… warming up 200ms… measuring 300ms…");
        assertThat(benchFiles()).isEqualTo(before);
    }
}
