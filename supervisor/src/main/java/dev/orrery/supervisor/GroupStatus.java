package dev.orrery.supervisor;

import java.util.Locale;

/** Where a service group stands, as the console and {@code /api/services} show it. */
public enum GroupStatus {
    /** Its workers are being started and none serves yet. */
    STARTING,
    /** At least one worker serves. */
    RUNNING,
    /** Stopped on request: no worker runs, none is restarted. */
    STOPPED,
    /** Its workers crashed more often than the crash-loop limit allows: the supervisor gave up restarting them. */
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
