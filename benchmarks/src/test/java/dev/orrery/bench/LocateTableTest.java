package dev.orrery.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LocateTableTest {

    private static RpcResult result(String system, int concurrency, long calls, double p50) {
        return result(system, "tcp", concurrency, calls, p50);
    }

    private static RpcResult result(String system, String transport, int concurrency, long calls, double p50) {
        return new RpcResult(system, transport, 64, concurrency, calls, 0, 1_000_000_000L, p50, 2 * p50, 3 * p50, null);
    }

    @Test
    void shouldSayWhatLocatingAddsToACallAtEachConcurrency() {
        List<RpcResult> results = List.of(
                result("orrery-call", 1, 10_000, 100.0), result("orrery-locate+call", 1, 9_901, 100.4),
                result("orrery-locate-cold+call", 1, 5_000, 190.0),
                result("orrery-call", 8, 40_000, 190.0), result("orrery-locate+call", 8, 40_000, 189.5));

        assertThat(LocateTable.differences(results)).containsExactly(
                "tcp c=1 orrery-locate+call vs orrery-call: p50 +0.40 µs, mean +1.00 µs, calls/s 0.99x",
                "tcp c=1 orrery-locate-cold+call vs orrery-call: p50 +90.00 µs, mean +100.00 µs, calls/s 0.50x",
                "tcp c=8 orrery-locate+call vs orrery-call: p50 -0.50 µs, mean +0.00 µs, calls/s 1.00x");
    }

    @Test
    void shouldCompareOnlyResultsOfTheSameTransport() {
        List<RpcResult> results = List.of(
                result("orrery-call", "tcp", 1, 10_000, 100.0), result("orrery-call", "inproc", 1, 200_000, 4.0),
                result("orrery-locate+call", "inproc", 1, 190_476, 4.3),
                result("orrery-locate+call", "tcp", 1, 10_000, 101.0));

        assertThat(LocateTable.differences(results)).containsExactly(
                "tcp c=1 orrery-locate+call vs orrery-call: p50 +1.00 µs, mean +0.00 µs, calls/s 1.00x",
                "inproc c=1 orrery-locate+call vs orrery-call: p50 +0.30 µs, mean +0.25 µs, calls/s 0.95x");
    }

    @Test
    void shouldNameTheBestLookupRate() {
        List<RpcResult> results = List.of(result("nameserver-lookup", 1, 12_000, 80),
                result("nameserver-lookup", 64, 61_000, 900), result("nameserver-lookup", 8, 45_000, 170));

        assertThat(LocateTable.differences(results))
                .containsExactly("nameserver-lookup: at best 61,000 lookups/s, at c=64");
    }

    @Test
    void shouldTurnTheNameServersCpuTimePerLookupIntoTheRateThatWouldFillTheMachine() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<RpcResult> results = List.of(result("nameserver-lookup", 64, 50_000, 900));

        List<String> lines = LocateTable.lines(results, Map.of(64, 20.0));

        assertThat(lines).containsExactly("nameserver-lookup: at best 50,000 lookups/s, at c=64",
                String.format(Locale.ROOT, "nameserver-lookup c=64: 20.0 µs of name-server CPU per lookup, so %,d "
                        + "lookups/s would take all %d cores", cores * 50_000, cores));
    }

    @Test
    void shouldNotCompareWithARateOfZero() {
        List<RpcResult> results = List.of(result("orrery-call", 1, 0, 0), result("orrery-locate+call", 1, 10, 5));

        assertThat(LocateTable.differences(results))
                .containsExactly("tcp c=1 orrery-locate+call vs orrery-call: p50 +5.00 µs, mean n/a, calls/s n/a");
    }
}
