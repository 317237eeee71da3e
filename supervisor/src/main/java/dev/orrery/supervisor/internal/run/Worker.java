package dev.orrery.supervisor.internal.run;

import dev.orrery.supervisor.WorkerStatus;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * One place in a group: the worker process that holds it now, and what happened to the ones before. Touched on
 * the supervisor's thread only.
 */
final class Worker {
    final int slot;
    WorkerProcess process;
    WorkerStatus status = WorkerStatus.STARTING;
    int restarts;
    String lastExit = "";
    /** Leaving the group: its exit is no crash, and nothing takes its place. */
    boolean retiring;
    /** The worker this one takes the place of, stopped once this one runs. */
    Worker replaces;
    /** A pending restart, or the kill after an overrun grace period. */
    ScheduledFuture<?> timer;
    /** When its current process reported first; {@code null} before. */
    Instant runningSince;

    Worker(int slot) {
        this.slot = slot;
    }

    long pid() {
        return process == null ? 0 : process.pid();
    }

    boolean alive() {
        return process != null && !process.exit().isDone();
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
