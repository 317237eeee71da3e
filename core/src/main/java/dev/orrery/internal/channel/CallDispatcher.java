package dev.orrery.internal.channel;

/**
 * Where a server channel hands the calls it receives: the rpc layer. Called on the I/O thread, so it must
 * only look the call up and hand it to an executor, never run it.
 */
@FunctionalInterface
public interface CallDispatcher {

    /**
     * Dispatches one call or one-way call. The dispatcher must eventually answer it, through
     * {@link InboundCall#reply} or {@link InboundCall#fail}, unless it is cancelled.
     *
     * @param call the call
     */
    void dispatch(InboundCall call);
}
