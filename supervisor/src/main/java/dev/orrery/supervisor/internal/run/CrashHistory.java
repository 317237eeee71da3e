package dev.orrery.supervisor.internal.run;

import dev.orrery.supervisor.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A group's recent crashes: how long to wait before the next restart, and whether the crashes come too often
 * to go on.
 */
final class CrashHistory {
    private final RestartPolicy policy;
    private final Deque<Instant> crashes = new ArrayDeque<>();

    CrashHistory(RestartPolicy policy) {
        this.policy = policy;
    }

    /**
     * Counts a crash.
     *
     * @param at when it happened
     * @return the crashes within the crash-loop window, this one included
     */
    int record(Instant at) {
        crashes.addLast(at);
        Instant since = at.minus(policy.crashLoopWindow());
        while (!crashes.isEmpty() && crashes.peekFirst().isBefore(since)) {
            crashes.removeFirst();
        }
        return crashes.size();
    }

    /** @return whether the crashes within the window went over the limit */
    boolean inLoop() {
        return crashes.size() > policy.crashLoopLimit();
    }

    /**
     * The wait before restarting after the crashes within the window: the backoff, doubled for each earlier
     * crash, at most the maximum.
     *
     * @return the wait
     */
    Duration backoff() {
        Duration delay = policy.backoff();
        for (int i = 1; i < crashes.size() && delay.compareTo(policy.backoffMax()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(policy.backoffMax()) > 0 ? policy.backoffMax() : delay;
    }

    void clear() {
        crashes.clear();
    }

    /** @return such as {@code 6 crashes within 60s (the limit is 5)} */
    String describe() {
        return crashes.size() + " crashes within " + policy.crashLoopWindow().toSeconds() + "s (the limit is "
                + policy.crashLoopLimit() + ")";
    }
}
