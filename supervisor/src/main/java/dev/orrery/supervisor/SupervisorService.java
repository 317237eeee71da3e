package dev.orrery.supervisor;

import dev.orrery.OneWay;
import dev.orrery.Service;

/**
 * The supervisor as a service, registered with the name server it runs: its workers report to it, and
 * {@code orrery down} asks it to stop.
 */
@Service(SupervisorService.NAME)
public interface SupervisorService {

    /** The service name. */
    String NAME = "orrery.supervisor";

    /**
     * A worker's report, sent once it serves and then at every report interval: the supervisor marks the worker
     * running at the first one, and takes its call statistics from each.
     *
     * @param report what the worker serves and how its calls went
     */
    @OneWay
    void report(WorkerReport report);

    /**
     * Stops every worker gracefully, then the console, the name server and the supervisor itself. It returns at
     * once; the supervisor's process exits when all of it stopped.
     *
     * @return the process id of the supervisor, which a caller can wait for
     */
    long shutdown();
}
