package dev.orrery;

import java.time.Duration;

/**
 * What a handler knows of the call it serves. {@link #current()} is valid on the handler's thread while it
 * runs; calls made from there inherit its deadline.
 */
public abstract class CallContext {

    private static final ScopedValue<CallContext> CURRENT = ScopedValue.newInstance();

    /** For Orrery's runtime only. */
    protected CallContext() {
    }

    /**
     * The context of the call being served on this thread.
     *
     * @return the context
     * @throws IllegalStateException when called outside a handler
     */
    public static CallContext current() {
        if (!CURRENT.isBound()) {
            throw new IllegalStateException("CallContext.current() is only valid inside a service handler");
        }
        return CURRENT.get();
    }

    /**
     * Whether this thread is serving a call.
     *
     * @return true inside a handler
     */
    public static boolean isPresent() {
        return CURRENT.isBound();
    }

    /**
     * Runs {@code body} with this context as {@link #current()}.
     *
     * @param body the handler
     * @return what the handler returned
     * @throws Exception what the handler threw
     */
    protected final Object runWithin(ScopedValue.CallableOp<Object, Exception> body) throws Exception {
        return ScopedValue.where(CURRENT, this).call(body);
    }

    /**
     * The service being called.
     *
     * @return its name
     */
    public abstract String service();

    /**
     * The method being called.
     *
     * @return its name
     */
    public abstract String method();

    /**
     * The caller's address and identity, for logs.
     *
     * @return a description of the peer
     */
    public abstract String peer();

    /**
     * The absolute deadline of the call in {@link System#nanoTime()} units.
     *
     * @return the deadline
     */
    public abstract long deadlineNanos();

    /**
     * Time left before the caller gives up.
     *
     * @return the time left, zero when it has passed
     */
    public Duration timeRemaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos() - System.nanoTime()));
    }

    /**
     * Whether the caller cancelled the call or its deadline passed. Long handlers should check it; a
     * cancelled handler's thread is also interrupted.
     *
     * @return true when the result will not be used
     */
    public abstract boolean isCancelled();
}
