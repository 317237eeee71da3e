package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ResultTableTest {

    private static RpcResult result(String system, int concurrency, long calls, double p99, long errors) {
        return new RpcResult(system, "tcp", 64, concurrency, calls, errors, 1_000_000_000L, 10, p99, 2 * p99,
                errors == 0 ? null : "OrreryException: peer gone");
    }

    @Test
    void shouldCompareOrreryWithEachPeerPerConcurrency() {
        List<RpcResult> results = List.of(result("orrery", 1, 36_000, 30, 0), result("orrery", 64, 90_000, 900, 0),
                result("grpc-java", 1, 20_000, 50, 0), result("grpc-java", 64, 45_000, 1800, 0));

        assertThat(ResultTable.ratios(results)).containsExactly(
                "c=1 orrery/grpc-java: 1.80x calls/s, p99 0.60x",
                "c=64 orrery/grpc-java: 2.00x calls/s, p99 0.50x");
    }

    @Test
    void shouldNameOrrerysTransportInRatiosWhenItRanOverSeveral() {
        List<RpcResult> results = List.of(
                new RpcResult("orrery", "shm", 64, 1, 50_000, 0, 1_000_000_000L, 10, 20, 40, null),
                new RpcResult("orrery", "tcp", 64, 1, 10_000, 0, 1_000_000_000L, 50, 100, 200, null),
                new RpcResult("floor", "mmap", 64, 1, 5_000_000, 0, 1_000_000_000L, 0.1, 0.2, 0.4, null));

        assertThat(ResultTable.ratios(results)).containsExactly(
                "c=1 orrery shm/floor: 0.010x calls/s, p99 100.00x",
                "c=1 orrery tcp/floor: 0.0020x calls/s, p99 500.00x");
    }

    @Test
    void shouldShowTheCpuTimeWhereItWasMeasured() {
        List<String> lines = ResultTable.render(List.of(result("orrery", 1, 36_000, 30, 0).withCpuPercent(163.4),
                result("orrery-call", 1, 36_000, 30, 0)));

        assertThat(lines.get(0)).endsWith("cpu %");
        assertThat(lines.get(1)).endsWith(" 163");
        assertThat(lines.get(2)).endsWith(" -");
    }

    @Test
    void shouldPrintAHeaderARowPerResultAndNoRatioForOrreryAlone() {
        List<String> lines = ResultTable.render(List.of(result("orrery", 1, 36_000, 30, 0)));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("system", "transport", "payload", "concurrency", "calls/s", "p50 µs",
                "p99 µs", "p99.9 µs").doesNotContain("errors");
        assertThat(lines.get(1)).contains("orrery", "tcp", "64", "36,000", "30.0", "60.0");
    }

    @Test
    void shouldWidenTheFirstColumnToTheLongestSystemName() {
        List<String> lines = ResultTable.render(List.of(result("orrery-locate-cold+call", 1, 5_000, 300, 0),
                result("orrery-call", 1, 10_000, 200, 0)));

        int transport = lines.get(0).indexOf("transport");
        assertThat(transport).isGreaterThan("orrery-locate-cold+call".length());
        assertThat(lines.get(1).indexOf("tcp")).isEqualTo(transport);
        assertThat(lines.get(2).indexOf("tcp")).isEqualTo(transport);
    }

    @Test
    void shouldCompareMetricsOnWithOffPerTransportAndConcurrency() {
        List<RpcResult> results = List.of(
                result("orrery", 64, 97_000, 103, 0).withMetrics(RpcResult.METRICS_ON),
                result("orrery", 64, 100_000, 100, 0).withMetrics(RpcResult.METRICS_OFF),
                result("grpc-java", 64, 50_000, 200, 0));

        List<String> lines = ResultTable.render(results);

        assertThat(lines.get(0)).endsWith("metrics");
        assertThat(lines.get(1)).endsWith(" on");
        assertThat(lines.get(2)).endsWith(" off");
        assertThat(lines.get(3)).endsWith(" -");
        assertThat(lines).contains("c=64 orrery tcp metrics on/off: 0.97x calls/s, p99 1.03x");
        assertThat(ResultTable.ratios(results)).as("peers meet Orrery as it ships, metrics on")
                .containsExactly("c=64 orrery/grpc-java: 1.94x calls/s, p99 0.52x");
    }

    @Test
    void shouldLeaveTheMetricsColumnOutWhenNoRunTurnedThemOff() {
        List<String> lines = ResultTable.render(List.of(result("orrery", 1, 36_000, 30, 0)
                .withMetrics(RpcResult.METRICS_ON)));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).doesNotContain("metrics");
    }

    @Test
    void shouldShoutAboutFailedCalls() {
        List<String> lines = ResultTable.render(List.of(result("orrery", 4, 1000, 30, 7)));

        assertThat(lines.get(0)).endsWith("errors");
        assertThat(lines.get(1)).endsWith("!! 7");
        assertThat(lines).last().asString()
                .isEqualTo("!! orrery tcp c=4: 7 of 1,007 calls FAILED; first failure: OrreryException: peer gone");
    }
}
