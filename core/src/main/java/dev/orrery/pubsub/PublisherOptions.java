package dev.orrery.pubsub;

import java.time.Duration;
import java.util.Objects;

/**
 * How a publisher delivers.
 *
 * @param delivery when a publish completes; {@link Delivery#ASYNC} by default
 * @param deadline how long a publish may wait for a {@link SlowConsumerPolicy#BLOCK} subscriber's slot, and
 *                 a {@link Delivery#SYNC} publish for every release; {@code null} for the node's default
 *                 deadline
 */
public record PublisherOptions(Delivery delivery, Duration deadline) {

    /** ASYNC, with the node's default deadline. */
    public static final PublisherOptions DEFAULTS = new PublisherOptions(Delivery.ASYNC, null);

    /**
     * Checks the options.
     *
     * @param delivery when a publish completes
     * @param deadline how long a publish may wait, or {@code null}
     */
    public PublisherOptions {
        Objects.requireNonNull(delivery, "delivery");
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("a publisher's deadline must be positive, got " + deadline);
        }
    }

    /** @return options for {@link Delivery#SYNC} publishing */
    public static PublisherOptions sync() {
        return new PublisherOptions(Delivery.SYNC, null);
    }

    /** @return options for {@link Delivery#ASYNC} publishing */
    public static PublisherOptions async() {
        return DEFAULTS;
    }

    /**
     * @param value how long a publish may wait
     * @return a copy with this deadline
     */
    public PublisherOptions withDeadline(Duration value) {
        return new PublisherOptions(delivery, value);
    }
}
