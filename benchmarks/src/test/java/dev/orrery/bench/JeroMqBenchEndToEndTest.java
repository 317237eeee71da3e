package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JeroMQ path for real: a ROUTER in a server child, then a DEALER here with one and 64 requests outstanding. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JeroMqBenchEndToEndTest {

    @Test
    void shouldMeasurePlainAndPipelinedRoundTripsWithTheirCpuTime() throws Exception {
        StringWriter progress = new StringWriter();
        try (ServerProcess server = ServerProcess.start(BenchSystem.JEROMQ, GrpcBenchEndToEndTest.testClassPath(),
                Duration.ofSeconds(20))) {
            record Run(int payload, int concurrency) {
            }
            for (Run run : new Run[] {new Run(64, 1), new Run(4096, 64)}) {
                RpcScenario scenario = new RpcScenario(BenchSystem.JEROMQ, "tcp", run.payload(), run.concurrency(),
                        EchoMethod.ECHO_BYTES, Duration.ofMillis(200), Duration.ofMillis(300));

                RpcResult result = GrpcBenchEndToEndTest.runOverTcp(scenario, server, progress);

                assertThat(result.errors()).as(run + "\n" + progress).isZero();
                assertThat(result.p50Us()).isPositive().isLessThanOrEqualTo(result.p99Us());
                assertThat(JsonRowsTest.assertMeasuredRow(JsonRows.format(result)).get("system").asText())
                        .isEqualTo("jeromq");
            }
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(progress.toString()).contains("jeromq tcp c=64: connecting… warming up 200ms… measuring 300ms…",
                "cpu ");
    }
}
