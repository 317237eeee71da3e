package dev.orrery.supervisor;

import java.time.Instant;

/**
 * A change the supervisor made to a group's workers, and why.
 *
 * @param time    when it was made
 * @param group   the group
 * @param action  what was done
 * @param from    workers before
 * @param to      workers after
 * @param reason  why, in words, with the figures that led to it
 */
public record ScaleDecision(Instant time, String group, Action action, int from, int to, String reason) {

    /** What a decision does. */
    public enum Action {
        /** Starts one more worker. */
        ADD,
        /** Stops one worker gracefully. */
        REMOVE,
        /** Starts a new worker and stops one that went over its memory cap. */
        REPLACE
    }
}
