package dev.orrery.supervisor.internal.scale;

import java.util.List;

/**
 * One sample of a service group's load, over the interval since the previous sample, as the autoscaler reads
 * it. Each share is a mean over the group's running workers, each worker weighing the same.
 *
 * <p>A share may exceed 1 by a little where the figures it is made of were read at slightly different moments;
 * that is accepted, not clamped.
 *
 * @param workers     how many of the group's workers run now
 * @param utilisation the share of the workers' handler capacity in use: each worker's handler busy time over the
 *                    interval divided by (the interval × its concurrency limit), averaged over the workers
 * @param slotsInUse  the share of the workers' slot windows taken by calls in flight: slots held divided by
 *                    slots granted, averaged over the workers
 * @param cpu         the share of the host's processors a worker uses: each worker's CPU time over the interval
 *                    divided by (the interval × the processors it may run on, which is the host's available
 *                    processors unless it is confined to fewer), averaged over the workers. 1 means each worker
 *                    keeps every processor it may use busy. It is a share per worker, not of the group as a
 *                    whole, so that adding a worker lowers it as it lowers the other two shares
 * @param memory      the resident memory of each running worker
 */
public record Load(int workers, double utilisation, double slotsInUse, double cpu, List<WorkerMemory> memory) {

    /** Checks the figures and copies the list. */
    public Load {
        if (workers < 0) {
            throw new IllegalArgumentException("workers must not be negative: " + workers);
        }
        requireShare("utilisation", utilisation);
        requireShare("slotsInUse", slotsInUse);
        requireShare("cpu", cpu);
        memory = List.copyOf(memory);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite share, at least 0: " + value);
        }
    }
}
