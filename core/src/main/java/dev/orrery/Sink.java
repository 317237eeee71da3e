package dev.orrery;

/**
 * Receives the values of a stream, in order. A service method whose last parameter is a {@code Sink<T>} and
 * whose return type is {@link Subscription} is a <em>stream</em> method: the caller passes the sink that
 * receives the values, and the server's implementation is handed a sink that sends them.
 *
 * <pre>{@code
 * @Service("demo.ticker")
 * public interface Ticker {
 *     Subscription ticks(String symbol, Sink<Tick> ticks);
 * }
 * }</pre>
 *
 * <p>On the caller's side, the methods run one at a time on a virtual thread, never on an I/O thread, and
 * after {@link #completed()} or {@link #failed} nothing more arrives. On the server's side, {@link #next}
 * never blocks: values the caller has not yet asked for wait in a bounded buffer, and a caller that falls
 * too far behind gets the stream ended with {@link Status#RESOURCE_EXHAUSTED}.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Sink<T> {

    /**
     * One value of the stream.
     *
     * @param value the value
     */
    void next(T value);

    /** The stream ended normally; nothing follows. */
    default void completed() {
    }

    /**
     * The stream ended with a failure; nothing follows.
     *
     * @param failure why, with its status
     */
    default void failed(OrreryException failure) {
    }
}
