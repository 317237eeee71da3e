package dev.orrery.supervisor;

import dev.orrery.Node;
import dev.orrery.Subscription;
import dev.orrery.registry.NameServer;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a running supervisor shows and lets one do: the console and {@code orrery down} work through it.
 *
 * <p>Every method is safe to call from any thread. Methods that name a group throw
 * {@link dev.orrery.OrreryException} with {@link dev.orrery.Status#NOT_FOUND} for a name the config does not have.
 */
public interface SupervisorControl {

    /**
     * Every service group, in the order of the config file.
     *
     * @return a snapshot of each
     */
    List<GroupSnapshot> groups();

    /**
     * One service group.
     *
     * @param name its name
     * @return its snapshot, or empty when the config has no such group
     */
    Optional<GroupSnapshot> group(String name);

    /**
     * Starts a stopped or crashed group at its minimum worker count; does nothing to a running one.
     *
     * @param name the group
     */
    void start(String name);

    /**
     * Stops every worker of a group gracefully, and keeps it stopped until started again.
     *
     * @param name the group
     */
    void stop(String name);

    /**
     * Replaces each worker of a group, one at a time, so the group keeps serving.
     *
     * @param name the group
     */
    void restart(String name);

    /**
     * The latest lines the workers of a group wrote, oldest first.
     *
     * @param group the group, or {@code null} for every group, interleaved in the order they were read
     * @param limit the most lines to return
     * @return the lines
     */
    List<LogLine> logs(String group, int limit);

    /**
     * Hands each new line to a sink as it is read, until the subscription is closed.
     *
     * @param group the group, or {@code null} for every group
     * @param sink  called on a supervisor thread; it must not block
     * @return closes the tail
     */
    Subscription tail(String group, Consumer<LogLine> sink);

    /**
     * A group's history, one sample a second, oldest first, for the last few minutes.
     *
     * @param name the group
     * @return the samples
     */
    List<Sample> history(String name);

    /**
     * The supervisor's latest changes to workers (autoscaling, memory-cap replacements), oldest first.
     *
     * @param group the group, or {@code null} for every group
     * @return the decisions
     */
    List<ScaleDecision> decisions(String group);

    /**
     * The name server the supervisor runs, to list instances, leases and watches.
     *
     * @return the name server, called in process
     */
    NameServer nameServer();

    /**
     * The supervisor's own node, registered with its name server, to call the services it runs.
     *
     * @return the node
     */
    Node node();
}
