package dev.orrery.supervisor;

import java.util.Locale;

/** Where one worker process stands. */
public enum WorkerStatus {
    /** Its JVM is starting and its services are not yet registered. */
    STARTING,
    /** Its services are registered and serve calls. */
    RUNNING,
    /** It was asked to stop: it deregisters and finishes the calls in flight, then exits. */
    STOPPING,
    /** It exited after a request to stop. */
    STOPPED,
    /** It exited without being asked; the supervisor restarts it after a backoff unless in a crash loop. */
    CRASHED;

    /**
     * The name the JSON API uses.
     *
     * @return the lower-case name, such as {@code running}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
