package dev.orrery.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the results of {@code bench pubsub} as a table for people, with Orrery's figures over each peer's, and
 * notes on what the figures count.
 */
final class PubSubTable {

    private static final String FORMAT = "%-7s %-9s %7s %4s %-6s %13s %8s %8s %9s %6s";
    /** Marks a peer that published asynchronously where Orrery published synchronously. */
    private static final String OWN_MODE = "*";

    private PubSubTable() {
    }

    /**
     * The table, the ratios and the notes.
     *
     * @param results the results, in the order they ran
     * @param rate    the paced rate at which the latencies were measured
     * @return the lines
     */
    static List<String> render(List<PubSubResult> results, int rate) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, FORMAT, "system", "transport", "payload", "subs", "mode", "msgs/s",
                "p50 µs", "p99 µs", "p99.9 µs", "cpu %").stripTrailing());
        for (PubSubResult result : results) {
            boolean own = ownMode(result, results);
            lines.add(String.format(Locale.ROOT, FORMAT, result.system(), result.transport(), result.payload(),
                    result.subscribers(), result.mode() + (own ? OWN_MODE : ""),
                    String.format(Locale.ROOT, "%,.0f", result.msgsPerSec()), ResultTable.number(result.p50Us()),
                    ResultTable.number(result.p99Us()), ResultTable.number(result.p999Us()),
                    Double.isNaN(result.cpuPercent()) ? "-" : String.format(Locale.ROOT, "%.0f", result.cpuPercent()))
                    .stripTrailing());
        }
        lines.addAll(ratios(results));
        lines.addAll(notes(results, rate));
        return lines;
    }

    /**
     * Orrery's figures over each peer's: above 1x msgs/s and below 1x p99 mean Orrery is ahead.
     *
     * @param results the results
     * @return a line per Orrery transport and peer, such as {@code orrery shm/aeron: 0.40x msgs/s, p99 1.90x}
     */
    static List<String> ratios(List<PubSubResult> results) {
        String orrery = BenchSystem.ORRERY.label();
        List<String> lines = new ArrayList<>();
        for (PubSubResult ours : results) {
            if (!ours.system().equals(orrery)) {
                continue;
            }
            for (PubSubResult peer : results) {
                if (!peer.system().equals(orrery)) {
                    lines.add(String.format(Locale.ROOT, "%s %s/%s: %s msgs/s, p99 %s", orrery, ours.transport(),
                            peer.system(), ResultTable.ratio(ours.msgsPerSec(), peer.msgsPerSec()),
                            ResultTable.ratio(ours.p99Us(), peer.p99Us())));
                }
            }
        }
        return lines;
    }

    /**
     * What the figures count, and what {@value #OWN_MODE} means when a peer ran in another mode than Orrery.
     *
     * @param results the results
     * @param rate    the paced rate
     * @return the lines
     */
    static List<String> notes(List<PubSubResult> results, int rate) {
        int subscribers = results.isEmpty() ? 1 : results.getFirst().subscribers();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "msgs/s: deliveries, publishing as fast as the subscribers take them; "
                + "with %d subscribers each message counts %d times", subscribers, subscribers));
        lines.add(String.format(Locale.ROOT, "latency: publish to handler, measured apart at %,d msgs/s, not under "
                + "the flood", rate));
        if (results.stream().anyMatch(result -> ownMode(result, results))) {
            lines.add(OWN_MODE + " has no synchronous mode: published asynchronously, as it always does");
        }
        return lines;
    }

    /** Whether a peer ran in another mode than Orrery's. */
    private static boolean ownMode(PubSubResult result, List<PubSubResult> results) {
        String orrery = BenchSystem.ORRERY.label();
        return !result.system().equals(orrery) && results.stream()
                .anyMatch(ours -> ours.system().equals(orrery) && !ours.mode().equals(result.mode()));
    }
}
