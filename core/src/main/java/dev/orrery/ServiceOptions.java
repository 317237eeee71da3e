package dev.orrery;

import java.util.concurrent.Executor;

/**
 * How a node runs one exported service.
 *
 * @param concurrencyLimit handlers of this service that run at once, or 0 for the node's default; calls
 *                         beyond it wait, up to their deadline
 * @param executor         where its handlers run, or {@code null} for the node's
 */
public record ServiceOptions(int concurrencyLimit, Executor executor) {

    /** The node's defaults. */
    public static final ServiceOptions DEFAULTS = new ServiceOptions(0, null);

    /**
     * Validates.
     *
     * @param concurrencyLimit handlers at once, or 0
     * @param executor         where handlers run, or {@code null}
     */
    public ServiceOptions {
        if (concurrencyLimit < 0) {
            throw new IllegalArgumentException("concurrencyLimit must be 0 (the node's default) or more, got "
                    + concurrencyLimit);
        }
    }

    /**
     * Options with a concurrency limit.
     *
     * @param limit handlers at once
     * @return the options
     */
    public static ServiceOptions concurrencyLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("concurrencyLimit must be at least 1, got " + limit);
        }
        return new ServiceOptions(limit, null);
    }

    /**
     * Options that run handlers on the transport's thread that received the call, with no hand-over to another
     * thread: for services whose handlers never block and return within microseconds, such as an echo or a
     * lookup in memory. It saves a thread wake-up per call, which over shared memory is most of a call's cost;
     * but a handler that blocks holds up every call on its connection, and its keep-alives.
     *
     * @return the options
     */
    public static ServiceOptions direct() {
        return new ServiceOptions(0, Runnable::run);
    }

    /**
     * The same options with another executor.
     *
     * @param value where handlers run
     * @return new options
     */
    public ServiceOptions withExecutor(Executor value) {
        return new ServiceOptions(concurrencyLimit, value);
    }
}
