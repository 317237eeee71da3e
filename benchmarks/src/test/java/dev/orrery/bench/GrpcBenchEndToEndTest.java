package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gRPC-java path for real: a server child JVM, then a short run at one call and at several in flight. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GrpcBenchEndToEndTest {

    /** Surefire may start tests through a manifest-only jar; the child gets the real class path. */
    static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Runs a scenario against a server child on TCP, metering this process's and the child's CPU time. */
    static RpcResult runOverTcp(RpcScenario scenario, ServerProcess server, StringWriter progress)
            throws InterruptedException {
        return scenario.run(Endpoint.parse("tcp://127.0.0.1:" + server.port()),
                new CpuMeter(List.of(CpuMeter.THIS_PROCESS, server::cpuTime)), new PrintWriter(progress, true));
    }

    @Test
    void shouldMeasureCallsThroughTheBlockingAndTheAsyncPath() throws Exception {
        StringWriter progress = new StringWriter();
        try (ServerProcess server = ServerProcess.start(BenchSystem.GRPC, testClassPath(), Duration.ofSeconds(20))) {
            for (int concurrency : new int[] {1, 8}) {
                RpcScenario scenario = new RpcScenario(BenchSystem.GRPC, "tcp", 64, concurrency,
                        EchoMethod.ECHO_BYTES, Duration.ofMillis(200), Duration.ofMillis(500));

                RpcResult result = runOverTcp(scenario, server, progress);

                assertThat(result.calls()).as(progress.toString()).isPositive();
                assertThat(result.errors()).as(progress.toString()).isZero();
                assertThat(result.p50Us()).isPositive().isLessThanOrEqualTo(result.p99Us());
                assertThat(result.p99Us()).isLessThanOrEqualTo(result.p999Us());
                assertThat(result.cpuPercent()).isPositive();
                assertThat(result.elapsedNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
                JsonRowsTest.assertWellFormedRow(JsonRows.format(result));
                assertThat(JsonRows.format(result)).contains("\"system\":\"grpc-java\"",
                        "\"concurrency\":" + concurrency);
            }
            assertThat(server.isAlive()).isTrue();
        }
        assertThat(progress.toString())
                .contains("grpc-java tcp c=1: connecting… warming up 200ms… measuring 500ms…");
    }
}
