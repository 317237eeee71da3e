package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Orrery path for real: a server child JVM, then short runs of both methods and of calls in flight. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OrreryBenchEndToEndTest {

    @Test
    void shouldMeasureBytesTextAndCallsInFlight() throws Exception {
        StringWriter progress = new StringWriter();
        String classPath = GrpcBenchEndToEndTest.testClassPath();
        try (ServerProcess server = ServerProcess.start(BenchSystem.ORRERY, classPath, Duration.ofSeconds(20))) {
            record Run(EchoMethod method, int concurrency) {
            }
            for (Run run : new Run[] {new Run(EchoMethod.ECHO_BYTES, 1), new Run(EchoMethod.ECHO, 1),
                                      new Run(EchoMethod.ECHO_BYTES, 8)}) {
                RpcScenario scenario = new RpcScenario(BenchSystem.ORRERY, "tcp", 64, run.concurrency(),
                        run.method(), Duration.ofMillis(200), Duration.ofMillis(500));

                RpcResult result = GrpcBenchEndToEndTest.runOverTcp(scenario, server, progress);

                assertThat(result.calls()).as(run + "\n" + progress).isPositive();
                assertThat(result.errors()).as(run + "\n" + progress).isZero();
                assertThat(result.p50Us()).isPositive().isLessThanOrEqualTo(result.p99Us());
                assertThat(result.cpuPercent()).isPositive();
                JsonRowsTest.assertWellFormedRow(JsonRows.format(result));
                assertThat(JsonRows.format(result)).contains("\"system\":\"orrery\"");
            }
            assertThat(server.isAlive()).isTrue();
        }
    }

    @Test
    void shouldPrintOnlyJsonLinesOnStdoutWithJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine command = new picocli.CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute("rpc", "--json", "--warmup", "100ms", "--duration", "300ms", "--metrics", "both");

        assertThat(exit).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(JsonRowsTest.assertMeasuredRow(lines[0]).get("metrics").asText()).isEqualTo("on");
        assertThat(JsonRowsTest.assertMeasuredRow(lines[1]).get("metrics").asText()).isEqualTo("off");
        assertThat(err.toString()).contains("orrery tcp (metrics off): starting the server child…",
                "orrery tcp c=1: connecting… warming up 100ms… measuring 300ms…",
                "c=1 orrery tcp metrics on/off: ");
    }
}
