package dev.orrery.supervisor.internal.scale;

import dev.orrery.supervisor.ScaleDecision;
import java.util.Objects;

/**
 * What the autoscaler asks of its caller after one sample.
 *
 * @param decision the change, with its reason, as the console shows it
 * @param pid      for {@link ScaleDecision.Action#REPLACE}, the worker to replace; 0 otherwise, and for
 *                 {@link ScaleDecision.Action#REMOVE} the caller chooses which worker stops
 */
public record Scaling(ScaleDecision decision, long pid) {

    /** Checks that exactly a replacement names a worker. */
    public Scaling {
        Objects.requireNonNull(decision, "decision");
        boolean replace = decision.action() == ScaleDecision.Action.REPLACE;
        if (replace ? pid <= 0 : pid != 0) {
            throw new IllegalArgumentException("pid must be a worker's for REPLACE, 0 otherwise: " + pid);
        }
    }
}
