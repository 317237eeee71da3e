package dev.orrery.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * How many workers a service group runs, and when it adds or removes one.
 *
 * @param minWorkers    the fewest workers, started at once; 0 keeps the group configured but not running
 * @param maxWorkers    the most workers
 * @param metric        what the scaling watches
 * @param upThreshold   above this share of {@code metric}, for {@code upWindow}, a worker is added
 * @param upWindow      how long the load must stay above {@code upThreshold}
 * @param downThreshold below this share of {@code metric}, for {@code downWindow}, a worker is removed
 * @param downWindow    how long the load must stay below {@code downThreshold}
 * @param cpuThreshold  above this share of the host's processors, used by the group's workers for
 *                      {@code upWindow}, a worker is added too
 */
public record ScalePolicy(int minWorkers, int maxWorkers, ScaleMetric metric, double upThreshold,
                          Duration upWindow, double downThreshold, Duration downWindow, double cpuThreshold) {

    /** Checks that the metric and the durations are there. */
    public ScalePolicy {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(upWindow, "upWindow");
        Objects.requireNonNull(downWindow, "downWindow");
    }
}
