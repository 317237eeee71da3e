package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Options are checked before any server child starts, so none of these runs a benchmark. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LocateBenchOptionsTest {

    private BenchRun last;

    private int run(String... args) {
        last = BenchRun.of(args);
        return last.exit();
    }

    @Test
    void shouldRefuseAConcurrencyOutOfRange() {
        assertThat(run("locate", "--concurrency", "8,0")).isEqualTo(2);
        assertThat(last.err()).contains("--concurrency must be from 1 to 65535, got 0");
        assertThat(last.out()).isEmpty();
    }

    @Test
    void shouldRefuseAConcurrencyThatIsNotANumber() {
        assertThat(run("locate", "--concurrency", "1,many")).isEqualTo(2);
        assertThat(last.err()).contains("--concurrency", "'many'");
    }

    @Test
    void shouldRefuseAZeroDuration() {
        assertThat(run("locate", "--duration", "0s")).isEqualTo(2);
        assertThat(last.err()).contains("--duration must be longer than 0, such as 10s");
    }

    @Test
    void shouldRefuseAWarmupWithoutAUnit() {
        assertThat(run("locate", "--warmup", "10")).isEqualTo(2);
        assertThat(last.err()).contains("invalid duration '10'", "500ms");
    }

    @Test
    void shouldRefuseAnUnknownTransport() {
        assertThat(run("locate", "--transport", "udp")).isEqualTo(2);
        assertThat(last.err()).contains("--transport must be one of tcp, inproc or all, got 'udp'");
        assertThat(last.out()).isEmpty();
    }

    @Test
    void shouldRefuseOptionsOfTheRpcBenchmark() {
        assertThat(run("locate", "--peers", "grpc")).isEqualTo(2);
        assertThat(last.err()).contains("Unknown options: '--peers'");
    }

    @Test
    void shouldDescribeItsOptionsAndDefaults() {
        assertThat(run("locate", "--help")).isZero();
        assertThat(last.out()).contains("--duration", "--warmup", "--concurrency", "--json",
                "1,8,64 for lookups", "--transport", "tcp|inproc|all");
    }

    @Test
    void shouldNameEveryBenchmarkWhenNoneIsGiven() {
        assertThat(run()).isEqualTo(2);
        assertThat(last.err()).contains("missing a benchmark: rpc, pubsub, locate or doorbell");
    }
}
