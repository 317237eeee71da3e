package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** Options are checked before any server child starts, so none of these runs a benchmark. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LocateBenchOptionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void shouldRefuseAConcurrencyOutOfRange() {
        assertThat(run("locate", "--concurrency", "8,0")).isEqualTo(2);
        assertThat(err.toString()).contains("--concurrency must be from 1 to 65535, got 0");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRefuseAConcurrencyThatIsNotANumber() {
        assertThat(run("locate", "--concurrency", "1,many")).isEqualTo(2);
        assertThat(err.toString()).contains("--concurrency", "'many'");
    }

    @Test
    void shouldRefuseAZeroDuration() {
        assertThat(run("locate", "--duration", "0s")).isEqualTo(2);
        assertThat(err.toString()).contains("--duration must be longer than 0, such as 10s");
    }

    @Test
    void shouldRefuseAWarmupWithoutAUnit() {
        assertThat(run("locate", "--warmup", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("invalid duration '10'", "500ms");
    }

    @Test
    void shouldRefuseAnUnknownTransport() {
        assertThat(run("locate", "--transport", "udp")).isEqualTo(2);
        assertThat(err.toString()).contains("--transport must be one of tcp, inproc or all, got 'udp'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldRefuseOptionsOfTheRpcBenchmark() {
        assertThat(run("locate", "--peers", "grpc")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--peers'");
    }

    @Test
    void shouldDescribeItsOptionsAndDefaults() {
        assertThat(run("locate", "--help")).isZero();
        assertThat(out.toString()).contains("--duration", "--warmup", "--concurrency", "--json",
                "1,8,64 for lookups", "--transport", "tcp|inproc|all");
    }

    @Test
    void shouldNameBothBenchmarksWhenNoneIsGiven() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("missing a benchmark: rpc or locate");
    }
}
