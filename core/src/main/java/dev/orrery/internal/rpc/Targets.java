package dev.orrery.internal.rpc;

import dev.orrery.internal.channel.Connector;
import java.util.Set;

/**
 * Where a proxy's calls go: one fixed endpoint, or the instances of a service found through the name server.
 */
public interface Targets {

    /**
     * Chooses where the next attempt of a call goes.
     *
     * @param tried         endpoints this call already failed on
     * @param deadlineNanos how long the caller waits, in {@link System#nanoTime()} units
     * @return the connector, or {@code null} when no untried target is left
     * @throws dev.orrery.OrreryException when there is nowhere to call at all, saying why
     */
    Connector pick(Set<Connector> tried, long deadlineNanos);

    /**
     * Whether {@link #pick} answers without waiting now, as it does once the targets are known.
     *
     * @return false when a pick may wait, such as for the name server's first answer
     */
    default boolean known() {
        return true;
    }

    /**
     * A single endpoint.
     *
     * @param connector its connector
     * @return targets that always pick it, once per call
     */
    static Targets fixed(Connector connector) {
        return new Targets() {
            @Override
            public Connector pick(Set<Connector> tried, long deadlineNanos) {
                return tried.contains(connector) ? null : connector;
            }

            @Override
            public String toString() {
                return connector.endpoint().toString();
            }
        };
    }
}
