package dev.orrery.internal.channel;

import dev.orrery.NodeOptions;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * What every channel of a node shares: its settings, its timer, its clock and its name.
 *
 * @param options   the node's settings
 * @param scheduler the node's timer thread, for keep-alives, handshakes and deadlines of async calls
 * @param clock     the time in nanoseconds, {@link System#nanoTime()} outside tests
 * @param identity  the node's identity as sent in HELLO
 */
public record ChannelContext(NodeOptions options, ScheduledExecutorService scheduler, LongSupplier clock,
                             String identity) {

    /** @return the current time in nanoseconds */
    public long now() {
        return clock.getAsLong();
    }
}
