package dev.orrery.bench;

import java.time.Duration;

/** Calls running against a server, started by {@link EchoClient#start}. */
interface Load {

    /**
     * Stops issuing calls and waits for the calls in flight to end.
     *
     * @param timeout how long to wait for them
     * @throws InterruptedException when interrupted while waiting
     * @throws IllegalStateException when calls are still in flight after the timeout
     */
    void stop(Duration timeout) throws InterruptedException;
}
