package dev.orrery.supervisor.internal.scale;

import dev.orrery.supervisor.ScalePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reasons of the autoscaler's decisions: one sentence each, with the figures of the sample that made the
 * decision, the thresholds they crossed, and for how long, such as {@code utilisation 0.91 ≥ 0.75 for 10s
 * (slots 0.12, cpu 0.40)}.
 */
final class Reasons {
    private static final long KIB = 1L << 10;
    private static final long MIB = 1L << 20;

    private Reasons() {
    }

    /**
     * Why a worker is added: every condition that makes the sample hot, then the other figures.
     *
     * @param policy the group's policy
     * @param load   the sample
     * @param lasted how long the group has been hot
     * @return the reason
     */
    static String add(ScalePolicy policy, Load load, Duration lasted) {
        List<String> held = new ArrayList<>();
        List<String> others = new ArrayList<>();
        double value = Autoscaler.metric(policy, load);
        String metric = metricName(policy) + " " + share(value);
        if (value >= policy.upThreshold()) {
            held.add(metric + " ≥ " + share(policy.upThreshold()));
        } else {
            others.add(metric);
        }
        others.add(otherName(policy) + " " + share(otherMetric(policy, load)));
        String cpu = "cpu " + share(load.cpu());
        if (load.cpu() >= policy.cpuThreshold()) {
            held.add(cpu + " ≥ " + share(policy.cpuThreshold()));
        } else {
            others.add(cpu);
        }
        return String.join(" and ", held) + " for " + duration(lasted) + " (" + String.join(", ", others) + ")";
    }

    /**
     * Why a worker is removed: both conditions that make the sample cold, then the other figure.
     *
     * @param policy  the group's policy
     * @param load    the sample
     * @param coldCpu the CPU share at or below which a sample can be cold
     * @param lasted  how long the group has been cold
     * @return the reason
     */
    static String remove(ScalePolicy policy, Load load, double coldCpu, Duration lasted) {
        return metricName(policy) + " " + share(Autoscaler.metric(policy, load)) + " ≤ "
                + share(policy.downThreshold()) + " and cpu " + share(load.cpu()) + " ≤ " + share(coldCpu)
                + " for " + duration(lasted) + " (" + otherName(policy) + " " + share(otherMetric(policy, load)) + ")";
    }

    /**
     * Why a worker is replaced.
     *
     * @param over     the worker and how long it was over the cap
     * @param capBytes the cap
     * @return the reason
     */
    static String replace(MemoryWatch.Over over, long capBytes) {
        return "worker " + over.worker().pid() + "'s resident memory " + size(over.worker().rssBytes())
                + " is over the " + size(capBytes) + " cap for " + over.samples() + " samples";
    }

    private static String metricName(ScalePolicy policy) {
        return policy.metric().configName();
    }

    private static String otherName(ScalePolicy policy) {
        return switch (policy.metric()) {
            case UTILISATION -> "slots";
            case SLOTS -> "utilisation";
        };
    }

    private static double otherMetric(ScalePolicy policy, Load load) {
        return switch (policy.metric()) {
            case UTILISATION -> load.slotsInUse();
            case SLOTS -> load.utilisation();
        };
    }

    /** A share with two decimals, the way the thresholds are written. */
    static String share(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A size in MiB, with a decimal where it is not whole; below 1 MiB, in KiB. */
    static String size(long bytes) {
        if (bytes < MIB) {
            return in(bytes, KIB, "KiB");
        }
        return in(bytes, MIB, "MiB");
    }

    private static String in(long bytes, long unit, String name) {
        return bytes % unit == 0 ? bytes / unit + " " + name
                : String.format(Locale.ROOT, "%.1f %s", (double) bytes / unit, name);
    }

    /** A duration such as {@code 250ms}, {@code 10s}, {@code 10.5s}, {@code 1m30s} or {@code 1h5m}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000 && millis % 1000 != 0) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0 || text.isEmpty()) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }
}
