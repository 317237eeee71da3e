package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The server child refuses what it cannot serve before it serves anything. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BenchServerOptionsTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new BenchServer());
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void shouldRefuseAnUnknownSystemNamingTheKnownOnes() {
        assertThat(run("--system", "zeromq")).isEqualTo(2);
        assertThat(err.toString())
                .contains("unknown system 'zeromq': use orrery, grpc, jeromq, aeron, floor or nameserver");
    }

    @Test
    void shouldRefuseAPathForOrreryAndNoneForAeron() {
        assertThat(run("--system", "orrery", "--path", "/dev/shm/x")).isEqualTo(2);
        assertThat(run("--system", "aeron")).isEqualTo(2);
        assertThat(err.toString()).contains("--path goes with --system aeron or floor, and only with them");
    }

    @Test
    void shouldRefuseAListenEndpointForJeroMq() {
        assertThat(run("--system", "jeromq", "--listen", "shm://x")).isEqualTo(2);
        assertThat(err.toString()).contains("--listen goes with --system orrery only");
    }

    @Test
    void shouldRefuseAMetricsSettingForGrpcAndAnUnknownOneForOrrery() {
        assertThat(run("--system", "grpc", "--metrics", "off")).isEqualTo(2);
        assertThat(run("--system", "orrery", "--metrics", "maybe")).isEqualTo(2);
        assertThat(err.toString()).contains("--metrics goes with --system orrery only",
                "--metrics is on or off, got 'maybe'");
    }

    @Test
    void shouldRefuseANameServerForGrpc() {
        assertThat(run("--system", "grpc", "--nameserver", "tcp://127.0.0.1:2012")).isEqualTo(2);
        assertThat(err.toString()).contains("--nameserver goes with --system orrery only");
    }
}
