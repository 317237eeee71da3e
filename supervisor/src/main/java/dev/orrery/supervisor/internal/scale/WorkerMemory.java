package dev.orrery.supervisor.internal.scale;

/**
 * The resident memory of one worker at a sample.
 *
 * @param pid      the worker's process id
 * @param rssBytes its resident set size, in bytes
 */
public record WorkerMemory(long pid, long rssBytes) {

    /** Checks that the figures can be those of a process. */
    public WorkerMemory {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid);
        }
        if (rssBytes < 0) {
            throw new IllegalArgumentException("rssBytes must not be negative: " + rssBytes);
        }
    }
}
