package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Options are checked before any server child starts, so none of these runs a benchmark. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RpcBenchOptionsTest {

    private BenchRun last;

    private int run(String... args) {
        last = BenchRun.of(args);
        return last.exit();
    }

    @Test
    void shouldRefuseAnUnknownTransportNamingTheKnownOnes() {
        assertThat(run("rpc", "--transport", "udp")).isEqualTo(2);
        assertThat(last.err()).contains("unknown transport 'udp': use shm, tcp or all");
        assertThat(last.out()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownIdleStrategyNamingTheKnownOnes() {
        assertThat(run("rpc", "--transport", "shm", "--idle", "sleepy")).isEqualTo(2);
        assertThat(last.err()).contains("unknown idle strategy 'sleepy': use busy-spin, hybrid or low-cpu");
        assertThat(last.out()).isEmpty();
    }

    @Test
    void shouldRefuseTheFloorAFileLargerThanAGibibyte() {
        assertThat(run("rpc", "--transport", "shm", "--payload", "1048576", "--concurrency", "1,65535"))
                .isEqualTo(2);
        assertThat(last.err()).contains("the raw floor would map", "lower --payload or --concurrency");
    }

    @Test
    void shouldRefuseADurationWithoutAUnit() {
        assertThat(run("rpc", "--duration", "10")).isEqualTo(2);
        assertThat(last.err()).contains("invalid duration '10'", "500ms");
    }

    @Test
    void shouldRefuseAnUnknownPeer() {
        assertThat(run("rpc", "--peers", "grpc,zeromq")).isEqualTo(2);
        assertThat(last.err()).contains("unknown peer 'zeromq': the peers are grpc, jeromq, aeron");
    }

    @Test
    void shouldRefuseTheFloorAsAPeerForItComesWithShm() {
        assertThat(run("rpc", "--peers", "floor")).isEqualTo(2);
        assertThat(last.err()).contains("unknown peer 'floor': the peers are grpc, jeromq, aeron");
    }

    @Test
    void shouldRefuseAnUnknownMetricsSetting() {
        assertThat(run("rpc", "--metrics", "on,sometimes")).isEqualTo(2);
        assertThat(last.err()).contains("unknown --metrics 'sometimes': use on, off or both");
    }

    @Test
    void shouldRefuseAConcurrencyOfZero() {
        assertThat(run("rpc", "--concurrency", "1,0")).isEqualTo(2);
        assertThat(last.err()).contains("--concurrency must be from 1 to 65535, got 0");
    }

    @Test
    void shouldRefuseAnUnknownMethod() {
        assertThat(run("rpc", "--method", "ping")).isEqualTo(2);
        assertThat(last.err()).contains("unknown method 'ping': use one of echoBytes, echo");
    }

    @Test
    void shouldDescribeEverySystemAndAeronsOptionInTheHelp() {
        assertThat(run("rpc", "--help")).isZero();
        assertThat(last.out()).contains("(cpu %, of one core", "JeroMQ", "Aeron over IPC", "raw floor",
                "--add-exports java.base/jdk.internal.", "busy-spin|hybrid|low-cpu", "shm|tcp|all")
                .doesNotContain("%%");
    }

    @Test
    void shouldAskForABenchmarkWhenNoneIsGiven() {
        assertThat(run()).isEqualTo(2);
        assertThat(last.err()).contains("missing a benchmark: rpc");
    }
}
