package dev.orrery.bench;

import java.util.function.BooleanSupplier;

/**
 * The publishing end of one system in {@code bench pubsub}, driven by one thread, its {@link PublishLoop}.
 */
interface TopicSource extends AutoCloseable {

    /**
     * Where subscribers connect.
     *
     * @return the TCP port on 127.0.0.1, or 0 when subscribers find the publisher another way
     */
    default int port() {
        return 0;
    }

    /**
     * Publishes one message, waiting while a subscriber has no room for it: every system here delivers every
     * message to every subscriber, as Orrery's default slow-consumer policy does.
     *
     * @param message  the message, which the caller changes once this returns
     * @param failures where a publish that failed is counted
     * @param running  false once the publisher stops, which ends a wait
     * @return true when the message went, false when it did not, such as while no subscriber is there
     */
    boolean publish(byte[] message, LatencyRecorder failures, BooleanSupplier running);

    /** Stops publishing and lets go of what the system holds. */
    @Override
    void close();
}
