package dev.orrery.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes results as a table for people, with a ratio line per concurrency when peers ran too, and one per
 * concurrency and transport when Orrery ran with its server's call metrics on and off.
 */
final class ResultTable {

    /** The columns after the first, whose width follows the longest system name. */
    private static final String COLUMNS = " %-9s %8s %11s %12s %9s %9s %10s %6s";
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
        // The column shows only when a run turned metrics off: otherwise every Orrery row had them on.
        boolean metrics = results.stream().anyMatch(result -> RpcResult.METRICS_OFF.equals(result.metrics()));
        int width = Math.max(MIN_SYSTEM_WIDTH, results.stream().mapToInt(result -> result.system().length()).max()
                .orElse(0));
        String format = "%-" + width + "s" + COLUMNS + (metrics ? " %7s" : "%s") + (anyErrors ? " %10s" : "%s");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "system", "transport", "payload", "concurrency", "calls/s",
                "p50 µs", "p99 µs", "p99.9 µs", "cpu %", metrics ? "metrics" : "", anyErrors ? "errors" : "")
                .stripTrailing());
        for (RpcResult result : results) {
            lines.add(String.format(Locale.ROOT, format, result.system(), result.transport(), result.payload(),
                    result.concurrency(), String.format(Locale.ROOT, "%,.0f", result.callsPerSec()),
                    number(result.p50Us()), number(result.p99Us()), number(result.p999Us()),
                    Double.isNaN(result.cpuPercent()) ? "-" : String.format(Locale.ROOT, "%.0f", result.cpuPercent()),
                    !metrics ? "" : result.metrics() == null ? "-" : result.metrics(),
                    result.errors() > 0 ? "!! " + result.errors() : "").stripTrailing());
        }
        lines.addAll(ratios(results));
        lines.addAll(metricsRatios(results));
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
     * Orrery against each peer, per concurrency: above 1x calls/s and below 1x p99 mean Orrery is ahead. When
     * Orrery ran over several transports, each is compared, and named.
     *
     * @param results the results
     * @return a line per concurrency, Orrery transport and peer, such as
     *         {@code c=1 orrery/grpc-java: 1.8x calls/s, p99 0.6x} or {@code c=1 orrery shm/floor: 0.1x calls/s, …}
     */
    static List<String> ratios(List<RpcResult> results) {
        String orrery = BenchSystem.ORRERY.label();
        boolean transports = results.stream().filter(result -> result.system().equals(orrery))
                .map(RpcResult::transport).distinct().count() > 1;
        Set<Integer> concurrencies = new LinkedHashSet<>();
        results.forEach(result -> concurrencies.add(result.concurrency()));
        List<String> lines = new ArrayList<>();
        for (int concurrency : concurrencies) {
            for (RpcResult ours : results) {
                // Peers are compared with Orrery as it ships: metrics on.
                if (!ours.system().equals(orrery) || ours.concurrency() != concurrency
                        || RpcResult.METRICS_OFF.equals(ours.metrics())) {
                    continue;
                }
                String name = transports ? orrery + " " + ours.transport() : orrery;
                for (RpcResult peer : results) {
                    if (peer.concurrency() == concurrency && !peer.system().equals(orrery)) {
                        lines.add(String.format(Locale.ROOT, "c=%d %s/%s: %s calls/s, p99 %s", concurrency, name,
                                peer.system(), ratio(ours.callsPerSec(), peer.callsPerSec()),
                                ratio(ours.p99Us(), peer.p99Us())));
                    }
                }
            }
        }
        return lines;
    }

    /**
     * Orrery with its server's call metrics on over Orrery with them off, per concurrency and transport: what
     * recording costs (below 1x calls/s and above 1x p99 mean it costs something).
     *
     * @param results the results
     * @return a line per concurrency and transport that ran both ways, such as
     *         {@code c=64 orrery tcp metrics on/off: 0.98x calls/s, p99 1.01x}
     */
    static List<String> metricsRatios(List<RpcResult> results) {
        List<String> lines = new ArrayList<>();
        for (RpcResult on : results) {
            if (!RpcResult.METRICS_ON.equals(on.metrics())) {
                continue;
            }
            for (RpcResult off : results) {
                if (RpcResult.METRICS_OFF.equals(off.metrics()) && off.system().equals(on.system())
                        && off.transport().equals(on.transport()) && off.concurrency() == on.concurrency()) {
                    lines.add(String.format(Locale.ROOT, "c=%d %s %s metrics on/off: %s calls/s, p99 %s",
                            on.concurrency(), on.system(), on.transport(), ratio(on.callsPerSec(), off.callsPerSec()),
                            ratio(on.p99Us(), off.p99Us())));
                }
            }
        }
        return lines;
    }

    /**
     * One figure of Orrery's over a peer's: two decimals, or two significant digits below 0.1, where the raw
     * floor leaves everyone else.
     *
     * @param ours   Orrery's figure
     * @param theirs the peer's
     * @return such as {@code 1.45x}, or {@code n/a} when the peer's is not positive
     */
    static String ratio(double ours, double theirs) {
        if (theirs <= 0) {
            return "n/a";
        }
        double ratio = ours / theirs;
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.2gx" : "%.2fx", ratio);
    }

    /**
     * A latency as the tables show it.
     *
     * @param micros microseconds
     * @return to a tenth, such as {@code 12.3}
     */
    static String number(double micros) {
        return String.format(Locale.ROOT, "%.1f", micros);
    }
}
