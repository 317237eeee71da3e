package dev.orrery.console;

/**
 * What fills one event stream. The {@link EventHub} calls {@link #tick} from its own thread once a tick, and
 * {@link #close} once, when the stream ends for any reason.
 */
interface Feed extends AutoCloseable {

    /**
     * Sends what changed since the last tick.
     *
     * @param tick what this tick shares among every stream
     */
    void tick(Tick tick);

    /** Releases what feeds the stream, such as a log tail. */
    @Override
    void close();
}
