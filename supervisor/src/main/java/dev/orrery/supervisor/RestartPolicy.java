package dev.orrery.supervisor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a service group's workers are stopped and restarted.
 *
 * @param gracePeriod     how long a stopping worker may finish its calls before it is killed
 * @param backoff         the wait before a crashed worker is started again, doubled after each crash
 * @param backoffMax      the longest wait before a restart
 * @param crashLoopLimit  how many crashes within {@code crashLoopWindow} stop the restarts of the group
 * @param crashLoopWindow the time over which crashes are counted
 */
public record RestartPolicy(Duration gracePeriod, Duration backoff, Duration backoffMax, int crashLoopLimit,
                            Duration crashLoopWindow) {

    /** Checks that the durations are there. */
    public RestartPolicy {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(crashLoopWindow, "crashLoopWindow");
    }
}
