package dev.orrery.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Writes results as a table for people, with a ratio line per concurrency when peers ran too. */
final class ResultTable {

    /** The columns after the first, whose width follows the longest system name. */
    private static final String COLUMNS = " %-9s %8s %11s %12s %9s %9s %10s";
    private static final int MIN_SYSTEM_WIDTH = 10;

    private ResultTable() {
    }

    /**
     * The table, its ratio lines and, when calls failed, a line per failing result.
     *
     * @param results the results, in the order they ran
     * @return the lines
     */
    static List<String> render(List<RpcResult> results) {
        boolean anyErrors = results.stream().anyMatch(result -> result.errors() > 0);
        int width = Math.max(MIN_SYSTEM_WIDTH, results.stream().mapToInt(result -> result.system().length()).max()
                .orElse(0));
        String format = "%-" + width + "s" + COLUMNS + (anyErrors ? " %10s" : "");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "system", "transport", "payload", "concurrency", "calls/s",
                "p50 µs", "p99 µs", "p99.9 µs", "errors").stripTrailing());
        for (RpcResult result : results) {
            lines.add(String.format(Locale.ROOT, format, result.system(), result.transport(), result.payload(),
                    result.concurrency(), String.format(Locale.ROOT, "%,.0f", result.callsPerSec()),
                    number(result.p50Us()), number(result.p99Us()), number(result.p999Us()),
                    result.errors() > 0 ? "!! " + result.errors() : "").stripTrailing());
        }
        lines.addAll(ratios(results));
        for (RpcResult result : results) {
            if (result.errors() > 0) {
                lines.add(failureLine(result));
            }
        }
        return lines;
    }

    /**
     * A loud line about a result whose calls failed.
     *
     * @param result the result
     * @return the line
     */
    static String failureLine(RpcResult result) {
        return String.format(Locale.ROOT, "!! %s %s c=%d: %,d of %,d calls FAILED; first failure: %s",
                result.system(), result.transport(), result.concurrency(), result.errors(),
                result.errors() + result.calls(), result.firstError() == null ? "unknown" : result.firstError());
    }

    /**
     * Orrery against each peer, per concurrency: above 1x calls/s and below 1x p99 mean Orrery is ahead.
     *
     * @param results the results
     * @return a line per concurrency and peer, such as {@code c=1 orrery/grpc-java: 1.8x calls/s, p99 0.6x}
     */
    static List<String> ratios(List<RpcResult> results) {
        List<String> lines = new ArrayList<>();
        Set<Integer> concurrencies = new LinkedHashSet<>();
        results.forEach(result -> concurrencies.add(result.concurrency()));
        String orrery = BenchSystem.ORRERY.label();
        for (int concurrency : concurrencies) {
            Optional<RpcResult> ours = find(results, orrery, concurrency);
            for (RpcResult peer : results) {
                if (ours.isEmpty() || peer.concurrency() != concurrency || peer.system().equals(orrery)) {
                    continue;
                }
                lines.add(String.format(Locale.ROOT, "c=%d %s/%s: %s calls/s, p99 %s", concurrency, orrery,
                        peer.system(), ratio(ours.get().callsPerSec(), peer.callsPerSec()),
                        ratio(ours.get().p99Us(), peer.p99Us())));
            }
        }
        return lines;
    }

    private static Optional<RpcResult> find(List<RpcResult> results, String system, int concurrency) {
        return results.stream()
                .filter(result -> result.system().equals(system) && result.concurrency() == concurrency)
                .findFirst();
    }

    private static String ratio(double ours, double theirs) {
        return theirs <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2fx", ours / theirs);
    }

    private static String number(double micros) {
        return String.format(Locale.ROOT, "%.1f", micros);
    }
}
