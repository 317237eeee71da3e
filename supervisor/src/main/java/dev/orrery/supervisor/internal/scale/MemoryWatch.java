package dev.orrery.supervisor.internal.scale;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which workers stay over the memory cap. A worker is named once it is over the cap in {@link #SAMPLES}
 * consecutive samples, and never again while it still appears in the samples: its replacement is under way.
 */
final class MemoryWatch {
    /** How many consecutive samples over the cap name a worker. */
    static final int SAMPLES = 2;

    /**
     * A worker to replace.
     *
     * @param worker  its latest figures
     * @param samples how many consecutive samples it was over the cap
     */
    record Over(WorkerMemory worker, int samples) {
    }

    private final long capBytes;
    /** Consecutive samples over the cap, by pid, as of the previous sample. */
    private Map<Long, Integer> over = new HashMap<>();
    /** Workers already named, by pid; dropped once they no longer appear. */
    private final Set<Long> named = new HashSet<>();

    /**
     * Makes a watch.
     *
     * @param capBytes the most resident memory a worker may hold; 0 or less turns the watch off
     */
    MemoryWatch(long capBytes) {
        this.capBytes = capBytes;
    }

    /**
     * Takes one sample's memory figures.
     *
     * @param memory every running worker's resident memory
     * @return the worker to replace: of those over the cap long enough, the largest; empty when there is none
     */
    Optional<Over> observe(List<WorkerMemory> memory) {
        if (capBytes <= 0) {
            return Optional.empty();
        }
        Map<Long, Integer> next = new HashMap<>();
        Set<Long> present = new HashSet<>();
        Over largest = null;
        for (WorkerMemory worker : memory) {
            present.add(worker.pid());
            if (worker.rssBytes() <= capBytes || named.contains(worker.pid())) {
                continue;
            }
            int samples = over.getOrDefault(worker.pid(), 0) + 1;
            next.put(worker.pid(), samples);
            if (samples >= SAMPLES && (largest == null || worker.rssBytes() > largest.worker().rssBytes())) {
                largest = new Over(worker, samples);
            }
        }
        named.retainAll(present);
        over = next;
        if (largest != null) {
            over.remove(largest.worker().pid());
            named.add(largest.worker().pid());
        }
        return Optional.ofNullable(largest);
    }
}
