package dev.orrery.supervisor.internal.scale;

import java.time.Duration;
import java.time.Instant;

/** A run of consecutive samples for which a condition held, from the instant of its first sample. */
final class Streak {
    private Instant start;

    /**
     * Extends the run with a sample, or ends it.
     *
     * @param now   the sample's instant
     * @param holds whether the condition held at that sample
     */
    void observe(Instant now, boolean holds) {
        if (!holds) {
            start = null;
        } else if (start == null) {
            start = now;
        }
    }

    /** Ends the run; the next sample for which the condition holds begins a new one. */
    void restart() {
        start = null;
    }

    /**
     * How long the run has lasted.
     *
     * @param now the latest sample's instant
     * @return from the run's first sample to {@code now}, or {@code null} when no run is going on
     */
    Duration length(Instant now) {
        return start == null ? null : Duration.between(start, now);
    }
}
