package dev.orrery.supervisor.internal.proc;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU use of processes between successive readings: the CPU time a process used since its previous
 * reading, over the time between the two readings, in percent of one core. 100 is one core kept busy; a process
 * whose threads keep two cores busy reads 200.
 *
 * <p>Thread-safe, though one thread normally reads a group's workers.
 */
public final class CpuMeter {
    private final Map<Long, Reading> previous = new ConcurrentHashMap<>();

    private record Reading(Duration cpuTime, Instant at) {
    }

    /** Makes a meter that has read no process yet. */
    public CpuMeter() {
    }

    /**
     * Takes a reading and gives the CPU use since the previous reading of the same process.
     *
     * @param stats the reading
     * @param at    when it was taken; the caller's clock, the same for every reading of the process
     * @return percent of one core; 0 at a process's first reading, when {@code at} is not after the previous
     *         one, and when the CPU time went down (the pid now names another process), each of which starts the
     *         measurement over from this reading
     */
    public double percentOfCore(ProcessStats stats, Instant at) {
        Reading before = previous.put(stats.pid(), new Reading(stats.cpuTime(), at));
        if (before == null) {
            return 0;
        }
        long wallNanos = Duration.between(before.at(), at).toNanos();
        long cpuNanos = stats.cpuTime().minus(before.cpuTime()).toNanos();
        if (wallNanos <= 0 || cpuNanos < 0) {
            return 0;
        }
        return 100.0 * cpuNanos / wallNanos;
    }

    /**
     * Drops a process's previous reading, as when it has ended; its next reading is a first one.
     *
     * @param pid the process id
     */
    public void forget(long pid) {
        previous.remove(pid);
    }
}
