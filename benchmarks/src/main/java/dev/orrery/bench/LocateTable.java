package dev.orrery.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lines under {@code bench locate}'s table: what locating adds to a call, per concurrency; the name server's
 * best lookup rate; and its CPU time per lookup.
 */
final class LocateTable {

    private LocateTable() {
    }

    /**
     * Every line: {@link #differences}, then the name server's CPU time per lookup at each concurrency and the
     * rate that would make it use both cores of this machine, which it shares with its clients here.
     *
     * @param results         the results of one run
     * @param lookupCpuMicros the name server's CPU time per lookup in µs, by concurrency
     * @return the lines
     */
    static List<String> lines(List<RpcResult> results, Map<Integer, Double> lookupCpuMicros) {
        List<String> lines = new ArrayList<>(differences(results));
        int cores = Runtime.getRuntime().availableProcessors();
        lookupCpuMicros.forEach((concurrency, micros) -> {
            if (micros > 0) {
                lines.add(String.format(Locale.ROOT,
                        "%s c=%d: %.1f µs of name-server CPU per lookup, so %,.0f lookups/s would take all %d cores",
                        LocateScenario.LOOKUP.label(), concurrency, micros, cores * 1e6 / micros, cores));
            }
        });
        return lines;
    }

    /**
     * Each locating scenario against plain calls at the same concurrency: the difference of the medians, the
     * difference of the mean round trips (by Little's law, concurrency over calls/s, so every call counts), and
     * the ratio of the rates; then the best lookup rate.
     *
     * @param results the results of one run
     * @return lines such as
     *         {@code tcp c=1 orrery-locate+call vs orrery-call: p50 +0.40 µs, mean +0.31 µs, calls/s 0.99x}
     */
    static List<String> differences(List<RpcResult> results) {
        List<String> lines = new ArrayList<>();
        String base = LocateScenario.CALL.label();
        for (RpcResult baseline : results) {
            if (!baseline.system().equals(base)) {
                continue;
            }
            for (LocateScenario scenario : List.of(LocateScenario.LOCATE_CALL, LocateScenario.LOCATE_COLD_CALL)) {
                find(results, scenario.label(), baseline.transport(), baseline.concurrency()).ifPresent(located ->
                        lines.add(String.format(Locale.ROOT, "%s c=%d %s vs %s: p50 %s, mean %s, calls/s %s",
                                baseline.transport(), baseline.concurrency(), located.system(), base,
                                signed(located.p50Us() - baseline.p50Us()), signed(meanAdded(located, baseline)),
                                ratio(located.callsPerSec(), baseline.callsPerSec()))));
            }
        }
        results.stream()
                .filter(result -> result.system().equals(LocateScenario.LOOKUP.label()))
                .max((a, b) -> Double.compare(a.callsPerSec(), b.callsPerSec()))
                .ifPresent(best -> lines.add(String.format(Locale.ROOT, "%s: at best %,.0f lookups/s, at c=%d",
                        best.system(), best.callsPerSec(), best.concurrency())));
        return lines;
    }

    /** The difference of the mean round trips in µs; NaN when either rate is 0. */
    private static double meanAdded(RpcResult located, RpcResult baseline) {
        if (located.callsPerSec() <= 0 || baseline.callsPerSec() <= 0) {
            return Double.NaN;
        }
        return baseline.concurrency() * 1e6 * (1 / located.callsPerSec() - 1 / baseline.callsPerSec());
    }

    private static Optional<RpcResult> find(List<RpcResult> results, String system, String transport,
                                            int concurrency) {
        return results.stream()
                .filter(result -> result.system().equals(system) && result.concurrency() == concurrency
                        && result.transport().equals(transport))
                .findFirst();
    }

    private static String signed(double micros) {
        return Double.isNaN(micros) ? "n/a" : String.format(Locale.ROOT, "%+.2f µs", micros);
    }

    private static String ratio(double ours, double theirs) {
        return theirs <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", ours / theirs);
    }
}
